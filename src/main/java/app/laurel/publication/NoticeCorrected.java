package app.laurel.publication;

/** A published notice was corrected (更正) (fired inside the correction's transaction). */
public record NoticeCorrected(long noticeId) {
}
