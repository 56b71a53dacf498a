package app.laurel.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The figures of one contest's dashboard (数据看板), each list the rows of one chart and of the table beside it. Counts
 * are of entries received (not drafts; withdrawn ones only in the screening figures); days are Asia/Shanghai days.
 *
 * @param deadline      the end of the submission phase, or null when it has none
 * @param remaining     from the server's clock to the deadline; zero or negative once it has passed
 * @param judging       the open round, else the latest one opened; null before any round opens
 * @param objections    by state, over the contest's published notices; null before a notice is published
 */
public record ContestDashboard(String code, String title, Instant deadline, Duration remaining,
                               List<Count> byDay, List<Count> byCategory, List<Count> byType, List<Count> byStatus,
                               List<UnitLine> units, Judging judging, List<Count> objections) {

    /** One bar: a label (a date, a category, an enum name) and its count. */
    public record Count(String label, long count) {
    }

    /** A unit's entries counted against its quota (名额), and its own deadline if extended. */
    public record UnitLine(String unit, long counted, int min, int max, Instant extendedUntil) {

        /** The ones to chase: fewer entries than their minimum. */
        public boolean isBelowMinimum() {
            return counted < min;
        }
    }

    public List<UnitLine> unitsBelowMinimum() {
        return units.stream().filter(UnitLine::isBelowMinimum).toList();
    }

    /** The round's progress per judge and per entry, and each judge's submitted totals summarised. */
    public record Judging(long roundId, String round, String status, List<JudgeLine> judges, List<Count> entriesByScores,
                          List<JudgeScores> scores) {
    }

    /** Scorecards of one judge: submitted of assigned. */
    public record JudgeLine(String judge, long submitted, long assigned) {
    }

    /** One judge's submitted totals (in points) as a box: how lenient or harsh they score compared with the panel. */
    public record JudgeScores(String judge, BoxStats box) {
    }
}
