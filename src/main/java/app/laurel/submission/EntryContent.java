package app.laurel.submission;

import app.laurel.contest.Category;
import app.laurel.identity.Unit;

/**
 * What an entry says, as its owner last saved it. {@code bodyHtml} is already sanitised; {@code bodyText} is
 * its plain text, which is what length rules count and duplicate detection compares.
 */
public record EntryContent(Category category, String title, String bodyHtml, String bodyText, Unit township,
                           Author author, boolean originalityDeclared, boolean displayConsent) {
}
