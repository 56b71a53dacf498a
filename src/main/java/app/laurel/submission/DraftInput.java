package app.laurel.submission;

/** What an owner sends to save a draft, as typed: nothing here is trusted yet. */
public record DraftInput(Long categoryId, String title, String bodyHtml, Long townshipId, String authorName,
                         String authorPhone, String authorOrganisation, boolean originalityDeclared,
                         boolean displayConsent) {
}
