package app.laurel.publication;

/** An organiser dismissed (with a reply) or upheld an objection (fired inside the decision's transaction). */
public record ObjectionDecided(long objectionId) {
}
