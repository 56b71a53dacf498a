package app.laurel.publication;

/** How a notice lists its entries: by the round's rank, by unit, or by title (pinyin order of the collator). */
public enum ListOrder {
    RANK, UNIT, TITLE
}
