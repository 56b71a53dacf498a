package app.laurel.publication;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.CutDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the results report (评审结果报告) of a closed round says, gathered by {@link ResultsReportService} and set by
 * {@link ResultsReportPdf}: the contest and its bodies, every round up to this one with its rules and judges by
 * name, this round's ranking (all of it when short, else the selected entries and the next ones), the tie at the
 * cut and how it was settled, the panel's figures, and the notice with its objections. Plain values only: the
 * transaction is over when the PDF is drawn.
 */
public record ResultsReport(String contestTitle, String organisingBody, String undertakingBody, List<RoundPart> rounds,
                            int ranked, List<Row> rows, Cut cut, Double kendallsW, List<JudgeLine> judges,
                            int rubricMaxPoints, String primaryCriterion, NoticePart notice, Instant generatedAt) {

    public ResultsReport {
        rounds = List.copyOf(rounds);
        rows = List.copyOf(rows);
        judges = List.copyOf(judges);
    }

    /** The round reported on: the last of {@link #rounds}. */
    public RoundPart round() {
        return rounds.get(rounds.size() - 1);
    }

    /** One round's rules: how many entries it judged, how, by whom, and how many it was to select. */
    public record RoundPart(String name, int sequenceNo, int entries, AssignmentMode mode, Integer judgesPerEntry,
                            AggregationMethod method, int minScores, int selectCount, List<Criterion> criteria,
                            List<String> judges, Instant closedAt) {
    }

    /**
     * One line of the ranking as frozen at close: score as shown everywhere (two decimals), the z-score method's
     * value in points, the share of resamples keeping it selected, and what the notice did to it.
     */
    public record Row(int rank, String code, String receiptNo, String title, String unit, BigDecimal score,
                      BigDecimal rescaled, int scores, boolean selected, Double stability, NoticeMark mark) {
    }

    /** What an upheld objection did: DISQUALIFIED from the notice, or PROMOTED onto it in the place of one. */
    public enum NoticeMark {
        NONE, DISQUALIFIED, PROMOTED
    }

    /** The organiser's settlement of a tie across the cut, as frozen with the ranking. */
    public record Cut(CutDecision decision, List<String> codes, String reason) {
    }

    /** A judge by name with their figures over the round: mean and spread of their totals, leniency against the panel. */
    public record JudgeLine(String name, int scored, BigDecimal mean, BigDecimal sd, BigDecimal leniency) {
    }

    /** The notice drafted from the round (if any), with its corrections and the objections to it. */
    public record NoticePart(String title, NoticePhase phase, Instant startsAt, Instant endsAt, String resultText,
                             List<String> corrections, List<ObjectionLine> objections) {

        public NoticePart {
            corrections = List.copyOf(corrections);
            objections = List.copyOf(objections);
        }
    }

    /** An objection as the file needs it: receipt, the entry, when, the outcome and what the investigation found. */
    public record ObjectionLine(String receiptNo, String entryCode, String entryTitle, Instant filedAt,
                                ObjectionStatus status, String investigation, String reply) {
    }
}
