package app.laurel.publication;

/** DRAFT: only organisers see it. PUBLISHED: public, objections during its period. FINALISED: the result stands. */
public enum NoticeStatus {
    DRAFT, PUBLISHED, FINALISED
}
