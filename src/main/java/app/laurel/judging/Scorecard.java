package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.CommitCounter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One judge scoring one entry of a round (打分): the assignment and its scores. A draft may be saved incomplete;
 * submitting needs every criterion and makes it final. Nothing changes once the round is closed.
 */
@Entity
@Table(name = "scorecard")
@NamedQuery(name = "Scorecard.idsByJudge", query = Scorecard.JUDGE_OPEN_CARDS + Scorecard.LIST_ORDER)
@NamedQuery(name = "Scorecard.draftIdsByJudge", query = Scorecard.JUDGE_OPEN_CARDS
        + " and s.status = app.laurel.judging.ScorecardStatus.DRAFT" + Scorecard.LIST_ORDER)
@NamedQuery(name = "Scorecard.countsByJudge", query = "select r.contest.code, r.contest.title, r.id, r.name, s.status, count(s)"
        + " from Scorecard s, Round r where r.id = s.roundId and s.judge.username = :username"
        + " and r.status = app.laurel.judging.RoundStatus.OPEN group by r.contest.code, r.contest.title, r.id, r.name, r.sequenceNo, s.status"
        + " order by r.contest.code, r.sequenceNo, r.id")
@NamedQuery(name = "Scorecard.byRound", query = "select s from Scorecard s where s.roundEntry.round = :round")
@NamedQuery(name = "Scorecard.submittedByRound", query = "select s from Scorecard s where s.roundEntry.round = :round"
        + " and s.status = app.laurel.judging.ScorecardStatus.SUBMITTED")
public class Scorecard {

    // A judge's cards are reached by ix_scorecard_judge (judge, round, status; V37) and their round by the card's own
    // round_id: the list and its counts read the judge's cards from that index, not through every card's round_entry.
    static final String JUDGE_OPEN_CARDS = "select s.id from Scorecard s join s.roundEntry re, Round r"
            + " where r.id = s.roundId and s.judge.username = :username and r.status = app.laurel.judging.RoundStatus.OPEN";
    static final String LIST_ORDER = " order by r.contest.code, r.sequenceNo, r.id, re.code";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "round_entry_id")
    private RoundEntry roundEntry;

    /** The round entry's round, kept on the card so a round's cards are one range of one index (V35, the ranking). */
    @Column(name = "round_id", nullable = false, updatable = false)
    private Long roundId;

    @ManyToOne(optional = false)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "judge_id")
    private Account judge;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ScorecardStatus status = ScorecardStatus.DRAFT;

    @Column(name = "total_half_points")
    private Integer totalHalfPoints;

    @Column(name = "primary_half_points")
    private Integer primaryHalfPoints;

    @Column(columnDefinition = "TEXT")
    private String comment;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @CollectionTable(name = "score", joinColumns = @JoinColumn(name = "scorecard_id"))
    @MapKeyColumn(name = "criterion", length = 30)
    @Column(name = "half_points")
    private Map<String, Integer> scores = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ScorecardReason reason = ScorecardReason.PLANNED;

    @Version
    private long version;

    /** Submitted or reopened in this transaction: the round's ranking changes when it commits. */
    @Transient
    private boolean scoreChanged;

    protected Scorecard() {
    }

    Scorecard(RoundEntry roundEntry, Account judge, ScorecardReason reason, Instant now) {
        this.roundEntry = roundEntry;
        this.roundId = roundEntry.getRound().getId();
        this.judge = judge;
        this.reason = reason;
        this.updatedAt = now;
    }

    /** Saves a draft: the scores given must be valid, the rest may come later. */
    public void save(Map<String, BigDecimal> sent, String comment, Rubric rubric, Instant now) {
        requireEditable();
        // A criterion sent empty (null) is one not scored yet, as in a draft.
        Map<String, BigDecimal> given = new HashMap<>();
        sent.forEach((criterion, points) -> {
            if (points != null) {
                given.put(criterion, points);
            }
        });
        List<FieldError> errors = rubric.check(given).stream().filter(e -> !"validation.required".equals(e.messageKey())).toList();
        if (comment != null && comment.length() > 2000) {
            errors = new java.util.ArrayList<>(errors);
            errors.add(new FieldError("comment", "validation.length", 0, 2000));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        scores.clear();
        given.forEach((criterion, points) -> scores.put(criterion, points.multiply(BigDecimal.valueOf(2)).intValueExact()));
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.updatedAt = now;
    }

    /** Final: every criterion scored; the total is fixed in half points. */
    public void submit(Rubric rubric, Instant now) {
        requireEditable();
        Map<String, BigDecimal> given = points();
        List<FieldError> errors = rubric.check(given);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Round round = roundEntry.getRound();
        if (comment == null && round.commentRequired(rubric.totalHalfPoints(given))) {
            throw InvalidInputException.of("comment", "judging.comment.required",
                    round.getCommentBelow() == null ? 0 : round.getCommentBelow(),
                    round.getCommentAbove() == null ? rubric.maxPoints() : round.getCommentAbove());
        }
        totalHalfPoints = rubric.totalHalfPoints(given);
        primaryHalfPoints = rubric.primaryHalfPoints(given);
        status = ScorecardStatus.SUBMITTED;
        scoreChanged = true;
        submittedAt = now;
        updatedAt = now;
    }

    /** Back to draft so the judge can correct it (an organiser's decision, audited by the service). */
    public void reopen(Instant now) {
        roundEntry.getRound().requireOpen();
        if (status != ScorecardStatus.SUBMITTED) {
            throw LaurelException.conflict("judging.scorecard.notSubmitted");
        }
        status = ScorecardStatus.DRAFT;
        scoreChanged = true;
        totalHalfPoints = null;
        primaryHalfPoints = null;
        submittedAt = null;
        updatedAt = now;
    }

    private void requireEditable() {
        roundEntry.getRound().requireOpen();
        if (status == ScorecardStatus.SUBMITTED) {
            throw LaurelException.conflict("judging.scorecard.submitted");
        }
    }

    public Map<String, BigDecimal> points() {
        Map<String, BigDecimal> points = new HashMap<>();
        scores.forEach((criterion, half) -> points.put(criterion, BigDecimal.valueOf(half).divide(BigDecimal.valueOf(2))));
        return points;
    }

    /**
     * The key under which {@link CommitCounter} counts the committed changes to a round's submitted scores and to
     * who is assigned what (the round page's progress counts both).
     */
    static String scoresOf(long roundId) {
        return "scores:round:" + roundId;
    }

    /** Counts a change of the submitted scores (a draft saved changes no ranking), once the transaction commits. */
    @PostUpdate
    void counted() {
        if (scoreChanged || status == ScorecardStatus.SUBMITTED) {
            CommitCounter.changed(scoresOf(roundEntry.getRound().getId()));
        }
    }

    /** A scorecard made or taken away (a third marker, a judge replaced) changes the progress of the round. */
    @PostPersist
    @PostRemove
    void assignmentChanged() {
        CommitCounter.changed(scoresOf(roundEntry.getRound().getId()));
    }

    /** The score sheet of a round's scorecards: per round entry, the totals of the submitted ones. */
    static List<EntryTotals> sheet(List<Scorecard> cards) {
        Map<Long, List<JudgeTotal>> rows = new java.util.LinkedHashMap<>();
        for (Scorecard card : cards) {
            if (card.status == ScorecardStatus.SUBMITTED) {
                rows.computeIfAbsent(card.roundEntry.getId(), k -> new java.util.ArrayList<>()).add(card.total());
            }
        }
        return rows.entrySet().stream().map(e -> new EntryTotals(e.getKey(), e.getValue())).toList();
    }

    /** The submitted total in half points; null for a draft. */
    public Integer getTotalHalfPoints() {
        return totalHalfPoints;
    }

    public JudgeTotal total() {
        return new JudgeTotal(judge.getUsername(), totalHalfPoints, primaryHalfPoints);
    }

    public Long getId() {
        return id;
    }

    public RoundEntry getRoundEntry() {
        return roundEntry;
    }

    public Account getJudge() {
        return judge;
    }

    public ScorecardStatus getStatus() {
        return status;
    }

    public ScorecardReason getReason() {
        return reason;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** The scores as saved, in half points by criterion (for the score sheet). */
    public Map<String, Integer> halfPoints() {
        return Map.copyOf(scores);
    }

    public String getComment() {
        return comment;
    }

    public long getVersion() {
        return version;
    }
}
