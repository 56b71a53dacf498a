package app.laurel.publication;

import app.laurel.judging.Redaction;
import app.laurel.submission.Entry;
import app.laurel.submission.FileRole;
import app.laurel.submission.StoryText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published entry as the public reads it, and nothing more: the only shape in which the column leaves the
 * service, so no page or API client can print what it should not.
 * <p>
 * With the author shown, the author's name (else the owner's display name) and the unit are given. Without,
 * they are left out ({@code anonymous}) and the author's name, phone and organisation, the owner's display name
 * and the unit names are blacked out of the title and text ({@link Redaction}). Either way the terms the
 * organiser listed during screening, mobile numbers and the owner's username and e-mail are blacked out, and
 * no phone number or username is ever a field. Files are listed by id: only {@link ColumnItem#publicFiles()}.
 */
public record ColumnStory(Long id, String contestCode, String entryType, String title, String excerpt, String bodyHtml,
                          boolean anonymous, String authorName, String unitName, Long categoryId, String categoryName,
                          List<Long> imageIds, List<Long> videoIds, Long posterId, long viewCount, Instant publishedAt) {

    /** How many characters of the text a card in the list shows. */
    public static final int EXCERPT = 80;

    /** Mainland mobile numbers standing alone (not part of a longer number). */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    public static ColumnStory of(ColumnItem item) {
        Entry entry = item.getEntry();
        boolean show = item.isShowAuthor();
        List<String> hidden = hiddenTerms(entry, show);
        String title = Redaction.apply(entry.getTitle(), hidden);
        String body = Redaction.apply(asTyped(entry.getBodyHtml(), hidden), hidden);
        return new ColumnStory(item.getId(), item.getContest().getCode(), entry.getEntryType().name(), title,
                excerpt(body), body, !show, show ? entry.getCreditedName() : null, show ? unitName(entry) : null,
                entry.getCategory() == null ? null : entry.getCategory().getId(),
                entry.getCategory() == null ? null : entry.getCategory().getName(),
                files(item, FileRole.IMAGE), files(item, FileRole.VIDEO), files(item, FileRole.POSTER).stream().findFirst().orElse(null),
                item.getViewCount(), item.getPublishedAt());
    }

    /** The picture a card shows: the poster of a video, else the story's first image; null when there is none. */
    public Long thumbnailId() {
        return posterId != null ? posterId : imageIds.isEmpty() ? null : imageIds.get(0);
    }

    /** What is blacked out of the title and the text; pure, so the rules are tested without a container. */
    static List<String> hiddenTerms(Entry entry, boolean showAuthor) {
        List<String> terms = new ArrayList<>(entry.getRedactions());
        terms.add(entry.getOwner().getUsername());
        terms.add(entry.getOwner().getPhone());
        terms.add(entry.getOwner().getEmail());
        if (entry.getAuthor() != null) {
            terms.add(entry.getAuthor().getPhone());
        }
        mobiles(entry.getTitle(), terms);
        mobiles(entry.getBodyHtml(), terms);
        if (!showAuthor) {
            if (entry.getAuthor() != null) {
                terms.add(entry.getAuthor().getName());
                terms.add(entry.getAuthor().getOrganisation());
            }
            terms.add(entry.getOwner().getDisplayName());
            if (entry.getUnit() != null) {
                terms.add(entry.getUnit().getName());
            }
            if (entry.getTownship() != null) {
                terms.add(entry.getTownship().getName());
            }
        }
        return terms;
    }

    /**
     * The sanitiser writes some characters of the story as character references (full-width brackets and
     * punctuation: （ becomes {@code &#xff08;}), so a term such as 西渡镇（示例） would not be found in the stored
     * HTML as typed. Each term's sanitised form is put back as typed first, for the redaction to black it out.
     */
    private static String asTyped(String html, List<String> terms) {
        if (html == null) {
            return null;
        }
        String result = html;
        for (String term : terms) {
            if (term != null && !term.isBlank()) {
                String sanitised = StoryText.of(term.strip()).html();
                if (!sanitised.isEmpty() && !sanitised.equals(term.strip())) {
                    result = result.replace(sanitised, term.strip());
                }
            }
        }
        return result;
    }

    private static void mobiles(String text, List<String> terms) {
        if (text != null) {
            Matcher mobile = MOBILE.matcher(text);
            while (mobile.find()) {
                terms.add(mobile.group());
            }
        }
    }

    private static String unitName(Entry entry) {
        if (entry.getUnit() != null) {
            return entry.getUnit().getName();
        }
        return entry.getTownship() == null ? null : entry.getTownship().getName();
    }

    /** The plain text's first characters on one line, cut at a whole character, with … when cut. */
    static String excerpt(String html) {
        if (html == null) {
            return "";
        }
        String text = StoryText.of(html).text().replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= EXCERPT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
    }

    private static List<Long> files(ColumnItem item, FileRole role) {
        return item.publicFiles().stream().filter(f -> f.getRole() == role).map(f -> f.getFile().getId()).toList();
    }
}
