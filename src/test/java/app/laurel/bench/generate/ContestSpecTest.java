package app.laurel.bench.generate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator refuses sizes that make no sense, saying which and why, before it writes anything. */
class ContestSpecTest {

    private static String refusal(ContestSpec spec) {
        return assertThrows(IllegalArgumentException.class, spec::check).getMessage();
    }

    @Test
    void theIssuesContestAndTheDefaultsAreAccepted() {
        assertEquals(List.of(), ContestSpec.provincial().problems());
        assertEquals(List.of(), ContestSpec.defaults().problems());
        ContestSpec provincial = ContestSpec.provincial();
        assertEquals(List.of(40_000, 300, 9, 5, 120), List.of(provincial.entries(), provincial.judges(),
                provincial.judgesPerEntry(), provincial.criteria(), provincial.units()));
    }

    @Test
    void zeroOrNegativeSizesAreRefusedByName() {
        assertTrue(refusal(ContestSpec.defaults().withEntries(0)).contains("--entries must be between 1 and"));
        assertTrue(refusal(ContestSpec.defaults().withJudges(-3)).contains("--judges must be at least 1, not -3"));
        assertTrue(refusal(ContestSpec.defaults().withJudgesPerEntry(0)).contains("--judges-per-entry must be at least 1"));
        assertTrue(refusal(ContestSpec.defaults().withUnits(0)).contains("--units must be at least 1"));
    }

    @Test
    void morePerEntryThanJudgesOrMoreUnitsThanEntriesIsRefused() {
        assertTrue(refusal(ContestSpec.defaults().withJudges(5).withJudgesPerEntry(9))
                .contains("--judges-per-entry (9) cannot exceed --judges (5)"));
        assertTrue(refusal(ContestSpec.defaults().withEntries(10).withUnits(11))
                .contains("--units (11) cannot exceed --entries (10)"));
        assertTrue(refusal(ContestSpec.defaults().withJudges(3).withJudgesPerEntry(3))
                .contains("no conflict can be honoured"));
    }

    @Test
    void criteriaOutsideTheRubricsLimitsAndSharesOutsideZeroToOneAreRefused() {
        assertTrue(refusal(ContestSpec.defaults().withCriteria(0)).contains("--criteria must be between 1 and 10"));
        assertTrue(refusal(ContestSpec.defaults().withCriteria(11)).contains("--criteria must be between 1 and 10"));
        assertTrue(refusal(ContestSpec.defaults().withConflictShare(1.5)).contains("--conflict-share must be between 0 and 1"));
        assertTrue(refusal(ContestSpec.defaults().withCitizenShare(Double.NaN)).contains("--citizen-share"));
        assertTrue(refusal(ContestSpec.defaults().withChars(500, 100)).contains("--min-chars and --max-chars"));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        List<String> problems = ContestSpec.defaults().withEntries(-1).withJudges(0).withCriteria(12).problems();
        assertEquals(3, problems.size(), problems.toString()); // entries, judges, criteria: not what follows from them
    }

    @Test
    void theCommandLineReadsNamedOptionsAndRefusesUnknownOnes() {
        ContestSpec spec = GeneratorCommand.spec(GeneratorCommand.parse(new String[] {"--entries", "40000", "--judges", "300",
                "--judges-per-entry", "9", "--criteria", "5", "--units", "120", "--stage", "opened", "--seed", "7"}));
        assertEquals(List.of(40_000, 300, 9, 5, 120), List.of(spec.entries(), spec.judges(), spec.judgesPerEntry(),
                spec.criteria(), spec.units()));
        assertEquals(ContestSpec.Stage.OPENED, spec.stage());
        assertEquals("GEN7", spec.code());
        assertThrows(IllegalArgumentException.class, () -> GeneratorCommand.spec(Map.of("entrys", "5")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorCommand.spec(Map.of("entries", "many")))
                .getMessage().contains("--entries must be a whole number"));
        assertThrows(IllegalArgumentException.class, () -> ContestSpec.Stage.parse("finished"));
    }
}
