package app.laurel.contest;

import app.laurel.platform.audit.AuditTrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an organiser sets about a contest in one form: texts and bodies, phase dates, categories, entry
 * rules, the citizens' policy. Null rules mean that entry type is not taken.
 */
public record ContestSettings(String code, String title, String theme, String description, String organisingBody,
                              String undertakingBody, String coOrganisingBody, String contact,
                              Map<PhaseKind, Period> phases, List<String> categories, StoryRule story,
                              VideoRule video, int publicEntryLimit, boolean publicNeedsRecommendation) {

    /** The settings as stored now, to tell a caller which fields of their write differ from them. */
    public static ContestSettings of(Contest c) {
        Map<PhaseKind, Period> phases = new EnumMap<>(PhaseKind.class);
        c.getPhases().forEach(p -> phases.put(p.getKind(), new Period(p.getStartsAt(), p.getEndsAt())));
        StoryRule story = c.rule(EntryType.STORY)
                .map(r -> new StoryRule(r.getMinChars(), r.getMaxChars(), r.getMaxImages(), r.isAttachmentAllowed())).orElse(null);
        VideoRule video = c.rule(EntryType.VIDEO)
                .map(r -> new VideoRule(r.getMaxVideoBytes(), r.getMinSeconds(), r.getMaxSeconds())).orElse(null);
        return new ContestSettings(c.getCode(), c.getTitle(), c.getTheme(), c.getDescription(), c.getOrganisingBody(),
                c.getUndertakingBody(), c.getCoOrganisingBody(), c.getContact(), phases,
                c.getCategories().stream().map(Category::getName).toList(), story, video, c.getPublicEntryLimit(),
                c.isPublicNeedsRecommendation());
    }

    /** The fields (named as the API names them) where these settings and {@code other} disagree; blank equals absent. */
    public List<String> differences(ContestSettings other) {
        List<String> fields = new ArrayList<>();
        String[] names = {"title", "theme", "description", "organisingBody", "undertakingBody", "coOrganisingBody", "contact"};
        String[] mine = {title, theme, description, organisingBody, undertakingBody, coOrganisingBody, contact};
        String[] theirs = {other.title, other.theme, other.description, other.organisingBody, other.undertakingBody,
                other.coOrganisingBody, other.contact};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(blankless(mine[i]), blankless(theirs[i]))) {
                fields.add(names[i]);
            }
        }
        Arrays.stream(PhaseKind.values())
                .filter(kind -> !Objects.equals(phases == null ? null : phases.get(kind), other.phases == null ? null : other.phases.get(kind)))
                .forEach(kind -> fields.add("phases." + kind));
        if (!Objects.equals(stripped(categories), stripped(other.categories))) {
            fields.add("categories");
        }
        if (!Objects.equals(story, other.story)) {
            fields.add("story");
        }
        if (!Objects.equals(video, other.video)) {
            fields.add("video");
        }
        if (publicEntryLimit != other.publicEntryLimit) {
            fields.add("publicEntryLimit");
        }
        if (publicNeedsRecommendation != other.publicNeedsRecommendation) {
            fields.add("publicNeedsRecommendation");
        }
        return fields;
    }

    /**
     * The named fields (as {@link #differences} names them) with their values, "title: …；phases.SUBMISSION: …", for the
     * audit log's before and after; long texts shortened, dates in Beijing time. Null for no fields.
     */
    public String shown(List<String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(text.isEmpty() ? "" : "；").append(field).append(": ").append(value(field));
        }
        return text.toString();
    }

    private String value(String field) {
        Object value = switch (field) {
            case "title" -> title;
            case "theme" -> theme;
            case "description" -> description;
            case "organisingBody" -> organisingBody;
            case "undertakingBody" -> undertakingBody;
            case "coOrganisingBody" -> coOrganisingBody;
            case "contact" -> contact;
            case "categories" -> String.join("、", stripped(categories));
            case "story" -> story;
            case "video" -> video;
            case "publicEntryLimit" -> publicEntryLimit;
            case "publicNeedsRecommendation" -> publicNeedsRecommendation;
            default -> field.startsWith("phases.") && phases != null ? period(phases.get(PhaseKind.valueOf(field.substring(7)))) : null;
        };
        String shown = value == null ? null : blankless(value.toString());
        return shown == null ? "—" : shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }

    private static String period(Period period) {
        return period == null ? null : AuditTrail.shown(period.startsAt()) + "～" + AuditTrail.shown(period.endsAt());
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> stripped(List<String> names) {
        return names == null ? List.of() : names.stream().filter(Objects::nonNull).map(String::strip).toList();
    }

    /** A phase's dates. */
    public record Period(Instant startsAt, Instant endsAt) {
    }

    public record StoryRule(int minChars, int maxChars, int maxImages, boolean attachmentAllowed) {
    }

    public record VideoRule(long maxBytes, Integer minSeconds, Integer maxSeconds) {
    }
}
