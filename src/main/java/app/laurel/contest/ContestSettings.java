package app.laurel.contest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an organiser sets about a contest in one form: texts and bodies, phase dates, categories, entry
 * rules, the citizens' policy. Null rules mean that entry type is not taken.
 */
public record ContestSettings(String code, String title, String theme, String description, String organisingBody,
                              String undertakingBody, String coOrganisingBody, String contact,
                              Map<PhaseKind, Period> phases, List<String> categories, StoryRule story,
                              VideoRule video, int publicEntryLimit, boolean publicNeedsRecommendation) {

    /** A phase's dates. */
    public record Period(Instant startsAt, Instant endsAt) {
    }

    public record StoryRule(int minChars, int maxChars, int maxImages, boolean attachmentAllowed) {
    }

    public record VideoRule(long maxBytes, Integer minSeconds, Integer maxSeconds) {
    }
}
