package app.laurel.publication;

/** Someone filed an objection to a notice and was given its receipt number (fired inside the filing's transaction). */
public record ObjectionFiled(long objectionId) {
}
