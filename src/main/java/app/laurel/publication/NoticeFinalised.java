package app.laurel.publication;

/** A notice's period ended and its result was announced (fired inside the finalising transaction). */
public record NoticeFinalised(long noticeId) {
}
