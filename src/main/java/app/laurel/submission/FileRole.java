package app.laurel.submission;

/** What a file is to its entry. */
public enum FileRole {
    IMAGE, ATTACHMENT, VIDEO, POSTER
}
