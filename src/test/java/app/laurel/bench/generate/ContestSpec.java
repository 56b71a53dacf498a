package app.laurel.bench.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * What to generate: how many entries, units, judges and criteria, how far the contest has come ({@link Stage}) and
 * the seed that makes the same spec give the same contest. {@link #problems()} names every size that makes no
 * sense; {@link #check()} refuses such a spec as a whole.
 *
 * @param code            the contest code (唯一, at most 20 characters); its lower case prefixes every username
 * @param entries         accepted entries the round judges
 * @param units           units (乡镇, 学校, 成员单位…) that enter entries; each gets a clerk and a quota
 * @param judges          the panel
 * @param judgesPerEntry  judges on each entry (BALANCED assignment)
 * @param criteria        criteria of the rubric, the first primary, together 100 points
 * @param categories      categories of the contest (组别)
 * @param citizenShare    share of the entries submitted by citizens (the rest by units' clerks), 0 to 1
 * @param conflictShare   share of the entries with a conflict recorded against one judge (回避), 0 to 1; judges of
 *                        a unit are, besides, conflicted on that unit's entries without a record
 * @param judgeUnitShare  share of the judges who belong to one of the units, 0 to 1
 * @param minChars        shortest story, in characters
 * @param maxChars        longest story, in characters
 * @param filesPerEntry   image files per entry (rows only; bytes too when the generator is given a storage directory)
 * @param stage           how far to go
 * @param seed            the same seed, the same contest
 */
public record ContestSpec(String code, int entries, int units, int judges, int judgesPerEntry, int criteria,
                          int categories, double citizenShare, double conflictShare, double judgeUnitShare,
                          int minChars, int maxChars, int filesPerEntry, Stage stage, long seed) {

    /** The rubric's limits here: names come from a list of ten, and one criterion must be primary. */
    public static final int MAX_CRITERIA = 10;
    /** Round entry codes are R1-00001 and receipt numbers CODE-00001 at most: five digits. */
    public static final int MAX_ENTRIES = 99_999;
    /** Category names are taken from a list of this many. */
    public static final int MAX_CATEGORIES = 8;

    /** How far a generated contest has come. */
    public enum Stage {
        /** The contest, its units, accounts and accepted entries; no round. */
        ENTRIES,
        /** And a round set up on every entry with its panel, rubric and recorded conflicts, ready to open. */
        ROUND_SETUP,
        /** And the round opened: every scorecard assigned, none scored. */
        OPENED,
        /** And every scorecard submitted with a score per criterion. */
        SCORED;

        /** From an option's value: entries, setup (or round-setup), opened, scored. */
        public static Stage parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
                case "entries" -> ENTRIES;
                case "setup", "round_setup" -> ROUND_SETUP;
                case "opened", "open" -> OPENED;
                case "scored", "all_scored" -> SCORED;
                default -> throw new IllegalArgumentException("--stage must be entries, setup, opened or scored, not " + text);
            };
        }
    }

    /** The 40,000 entries, 300 judges, 9 per entry, 5 criteria of issue 15, all scored. */
    public static ContestSpec provincial() {
        return defaults().withEntries(40_000).withUnits(120).withJudges(300).withJudgesPerEntry(9).withCriteria(5);
    }

    /** A county-sized contest (200 entries, 20 units, 15 judges, 3 per entry, 4 criteria), all scored, seed 42. */
    public static ContestSpec defaults() {
        return new ContestSpec("GEN42", 200, 20, 15, 3, 4, 3, 0.5, 0.01, 0.1, 800, 2_500, 0, Stage.SCORED, 42);
    }

    public ContestSpec withCode(String value) {
        return new ContestSpec(value, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withEntries(int value) {
        return new ContestSpec(code, value, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withUnits(int value) {
        return new ContestSpec(code, entries, value, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withJudges(int value) {
        return new ContestSpec(code, entries, units, value, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withJudgesPerEntry(int value) {
        return new ContestSpec(code, entries, units, judges, value, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withCriteria(int value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, value, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withCategories(int value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, value, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withCitizenShare(double value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, value, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withConflictShare(double value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, value,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withJudgeUnitShare(double value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                value, minChars, maxChars, filesPerEntry, stage, seed);
    }

    public ContestSpec withChars(int min, int max) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, min, max, filesPerEntry, stage, seed);
    }

    public ContestSpec withFilesPerEntry(int value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, value, stage, seed);
    }

    public ContestSpec withStage(Stage value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, value, seed);
    }

    public ContestSpec withSeed(long value) {
        return new ContestSpec(code, entries, units, judges, judgesPerEntry, criteria, categories, citizenShare, conflictShare,
                judgeUnitShare, minChars, maxChars, filesPerEntry, stage, value);
    }

    /** Every reason this spec makes no sense, in words; empty when it can be generated. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9]{1,14}")) {
            problems.add("--code must be 2 to 15 capital letters or digits, starting with a letter, not " + code);
        }
        if (entries < 1 || entries > MAX_ENTRIES) {
            problems.add("--entries must be between 1 and " + MAX_ENTRIES + ", not " + entries);
        }
        if (units < 1) {
            problems.add("--units must be at least 1, not " + units);
        } else if (entries >= 1 && units > entries) {
            problems.add("--units (" + units + ") cannot exceed --entries (" + entries + "): every unit enters at least one entry");
        }
        if (judges < 1) {
            problems.add("--judges must be at least 1, not " + judges);
        }
        if (judgesPerEntry < 1) {
            problems.add("--judges-per-entry must be at least 1, not " + judgesPerEntry);
        } else if (judges >= 1 && judgesPerEntry > judges) {
            problems.add("--judges-per-entry (" + judgesPerEntry + ") cannot exceed --judges (" + judges + ")");
        } else if (judgesPerEntry == judges && (conflictShare > 0 || judgeUnitShare > 0)) {
            problems.add("--judges-per-entry equals --judges, so no conflict can be honoured: give --conflict-share 0"
                    + " and --judge-unit-share 0, or more judges");
        }
        if (criteria < 1 || criteria > MAX_CRITERIA) {
            problems.add("--criteria must be between 1 and " + MAX_CRITERIA + " (the rubric's limits), not " + criteria);
        }
        if (categories < 1 || categories > MAX_CATEGORIES) {
            problems.add("--categories must be between 1 and " + MAX_CATEGORIES + ", not " + categories);
        }
        share(problems, "--citizen-share", citizenShare);
        share(problems, "--conflict-share", conflictShare);
        share(problems, "--judge-unit-share", judgeUnitShare);
        if (minChars < 1 || maxChars < minChars || maxChars > 100_000) {
            problems.add("--min-chars and --max-chars must satisfy 1 <= min <= max <= 100000, not " + minChars + " and " + maxChars);
        }
        if (filesPerEntry < 0 || filesPerEntry > 9) {
            problems.add("--files-per-entry must be between 0 and 9 (the contest allows 9 images), not " + filesPerEntry);
        }
        if (stage == null) {
            problems.add("--stage must be entries, setup, opened or scored");
        }
        return problems;
    }

    /** This spec, or an {@link IllegalArgumentException} naming every problem. */
    public ContestSpec check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot generate this contest:\n  " + String.join("\n  ", problems));
        }
        return this;
    }

    private static void share(List<String> problems, String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(option + " must be between 0 and 1, not " + value);
        }
    }
}
