package app.laurel.publication;

/** A public notice (公示) was published (fired inside the publishing transaction). */
public record NoticePublished(long noticeId) {
}
