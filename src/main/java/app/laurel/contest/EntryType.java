package app.laurel.contest;

/** The form of an entry (作品形式): a written story with optional images and attachment, or one video. */
public enum EntryType {
    STORY, VIDEO
}
