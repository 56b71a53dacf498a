package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settling a tie at the cut, hiding names from judges, one more judge for an entry, and the round defaults. */
class CutAndRedactionTest {

    private static EntryTotals entry(long id, int... totals) {
        return new EntryTotals(id, java.util.stream.IntStream.range(0, totals.length)
                .mapToObj(i -> new JudgeTotal("j" + i, totals[i] * 2, totals[i])).toList());
    }

    // Places 2, 3 and 4 share 80 with two to select: the tie straddles the cut.
    private final Ranking tied = Ranker.rank(List.of(entry(1, 90, 90), entry(2, 80, 80), entry(3, 80, 80), entry(4, 80, 80),
            entry(5, 60, 60)), AggregationMethod.MEAN, 2);

    @Test
    void anOrganisersOrderGivesTheTiedEntriesTheirOwnPlaces() {
        assertTrue(tied.hasTieAtCut());
        Ranking ordered = tied.ordered(List.of(4L, 2L, 3L));
        assertFalse(ordered.hasTieAtCut());
        assertEquals(List.of(1L, 4L, 2L, 3L, 5L), ordered.order().stream().map(RankedEntry::entryId).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), ordered.order().stream().map(RankedEntry::rank).toList());
        assertEquals(List.of(1L, 4L), ordered.selected().stream().map(RankedEntry::entryId).toList());
    }

    @Test
    void selectingAllTakesEveryTiedEntryPastTheDeclaredNumber() {
        Ranking all = tied.selectingAll();
        assertEquals(List.of(1L, 2L, 3L, 4L), all.selected().stream().map(RankedEntry::entryId).toList());
        assertEquals(List.of(1, 2, 2, 2, 5), all.order().stream().map(RankedEntry::rank).toList(), "ranks stay shared");
    }

    @Test
    void anEntryIsSelectedExactlyWhenTheSelectionHoldsIt() {
        assertEquals(List.of(), tied.order().stream().filter(tied::isSelected).toList(), "none while the tie is open");
        for (Ranking settled : List.of(tied.ordered(List.of(4L, 2L, 3L)), tied.selectingAll())) {
            assertEquals(settled.selected(), settled.order().stream().filter(settled::isSelected).toList());
        }
        Ranking clear = Ranker.rank(List.of(entry(1, 90, 90), entry(2, 80, 80), entry(3, 70, 70)), AggregationMethod.MEAN, 5);
        assertEquals(3, clear.order().stream().filter(clear::isSelected).count(), "five to select of three: all");
    }

    @Test
    void anOrderMustNameExactlyTheTiedEntries() {
        assertThrows(IllegalArgumentException.class, () -> tied.ordered(List.of(2L, 3L)), "one left out");
        assertThrows(IllegalArgumentException.class, () -> tied.ordered(List.of(2L, 3L, 5L)), "one not tied");
        assertFalse(tied.isTieGroup(List.of(1L, 2L, 3L)));
        assertTrue(tied.isTieGroup(List.of(3L, 4L, 2L)));
    }

    @Test
    void namesAreHiddenInTheTextButNotInTheMarkup() {
        String html = "<p class=\"王警官\">城关镇派出所的王警官说：王警官不怕。</p><p>城关镇很美</p>";
        String hidden = Redaction.apply(html, List.of("王警官", "城关镇", "城关镇派出所", "x"));
        assertEquals("<p class=\"王警官\">■■■■■■的■■■说：■■■不怕。</p><p>■■■很美</p>", hidden);
        assertEquals(html, Redaction.apply(html, List.of()));
        // As the sanitiser stores it: full-width punctuation and '@' as numeric entities.
        String stored = "<p>西渡镇&#xff08;示例&#xff09;的李华&#xff0c;邮箱 li&#64;example.cn</p>";
        assertEquals("<p>■■■■■■■的■■，邮箱 ■■■■■■■■■■■■■</p>",
                Redaction.apply(stored, List.of("西渡镇（示例）", "李华", "li@example.cn")));
    }

    @Test
    void anExtraJudgeIsTheLeastLoadedOneNotExcluded() {
        List<String> panel = List.of("a", "b", "c", "d");
        assertEquals(Optional.of("c"), PanelAssignment.extra(panel, Map.of("a", 3, "b", 2, "c", 2, "d", 2), Set.of("b")));
        assertEquals(Optional.of("d"), PanelAssignment.extra(panel, Map.of("a", 3, "b", 2, "c", 2, "d", 1), Set.of()));
        assertEquals(Optional.empty(), PanelAssignment.extra(panel, Map.of(), Set.of("a", "b", "c", "d")));
    }

    @Test
    void numbersLeftOutTakeTheDefaultsOfACountyContest() {
        Rubric rubric = new Rubric(List.of(new Criterion("思想性", 30, true)));
        RoundRules rules = new RoundRules("初评", null, 3, null, null, null, null, rubric).withDefaults();
        assertEquals(AssignmentMode.ALL, rules.mode());
        assertEquals(null, rules.judgesPerEntry(), "judges per entry only means something in BALANCED mode");
        assertEquals(AggregationMethod.TRIMMED_MEAN, rules.method());
        assertEquals(1, rules.minScores());
        assertEquals(20, rules.disagreementPct());
        assertEquals(10, rules.selectCount());
    }
}
