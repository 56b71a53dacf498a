package app.laurel.contest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refused stale save names the fields where it and the stored set-up disagree, and only those. */
class ContestSettingsDifferencesTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void onlyTheFieldsThatDifferAreNamed() {
        ContestSettings stored = settings("征文活动", " 县禁毒办 ", List.of("案例"), START.plusSeconds(86400), 3);
        ContestSettings stale = settings("征文活动（旧）", "县禁毒办", List.of("案例 "), START.plusSeconds(3600), 3);
        assertEquals(List.of("title", "phases.SUBMISSION"), stored.differences(stale),
                "surrounding spaces are not a difference; a title and a deadline are");
    }

    @Test
    void blankAndAbsentAreTheSameAndEqualSettingsDifferInNothing() {
        ContestSettings stored = settings("征文活动", null, List.of("案例"), START.plusSeconds(86400), 3);
        assertEquals(List.of(), stored.differences(settings("征文活动", "  ", List.of("案例"), START.plusSeconds(86400), 3)));
        assertEquals(List.of("categories", "publicEntryLimit"),
                stored.differences(settings("征文活动", null, List.of("案例", "志愿者"), START.plusSeconds(86400), 5)));
    }

    @Test
    void theAuditLogShowsTheChangedFieldsBeforeAndAfterInBeijingTime() {
        ContestSettings stored = settings("征文活动", null, List.of("案例"), START.plusSeconds(86400), 3);
        ContestSettings saved = settings("征文活动（改）", null, List.of("案例", "志愿者"), START.plusSeconds(2 * 86400), 3);
        List<String> changed = stored.differences(saved);
        assertEquals("title: 征文活动；phases.SUBMISSION: 2026-03-01 08:00～2026-03-02 08:00；categories: 案例", stored.shown(changed));
        assertEquals("title: 征文活动（改）；phases.SUBMISSION: 2026-03-01 08:00～2026-03-03 08:00；categories: 案例、志愿者", saved.shown(changed));
        assertEquals(null, stored.shown(List.of()), "nothing changed, nothing to show");
    }

    private static ContestSettings settings(String title, String organisingBody, List<String> categories, Instant end, int limit) {
        return new ContestSettings("T1", title, null, null, organisingBody, null, null, null,
                Map.of(PhaseKind.SUBMISSION, new ContestSettings.Period(START, end)), categories,
                new ContestSettings.StoryRule(10, 800, 3, false), null, limit, false);
    }
}
