package app.laurel.judging;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.identity.Account;
import app.laurel.platform.error.LaurelException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scoring round (评审轮次) with the rules it declares before anyone scores: rubric, panel, assignment mode,
 * aggregation method, minimum scores per entry, disagreement threshold and how many to select. The rules can
 * change only while the round is being set up; opening freezes them, closing freezes the ranking.
 */
@Entity
@Table(name = "judging_round")
public class Round {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(name = "sequence_no", nullable = false)
    private int sequenceNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignment_mode", nullable = false, length = 10)
    private AssignmentMode assignmentMode;

    @Column(name = "judges_per_entry")
    private Integer judgesPerEntry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 14)
    private AggregationMethod method;

    @Column(name = "min_scores", nullable = false)
    private int minScores;

    @Column(name = "disagreement_pct", nullable = false)
    private int disagreementPct;

    @Column(name = "select_count", nullable = false)
    private int selectCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private RoundStatus status = RoundStatus.SETUP;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "ranking_json", columnDefinition = "MEDIUMTEXT")
    private String rankingJson;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_round_id")
    private Round sourceRound;

    @Column(name = "source_top")
    private Integer sourceTop;

    @Column(name = "comment_below")
    private Integer commentBelow;

    @Column(name = "comment_above")
    private Integer commentAbove;

    @Enumerated(EnumType.STRING)
    @Column(name = "cut_decision", length = 10)
    private CutDecision cutDecision;

    /** The codes of the entries tied at the cut, in the organiser's order, comma-separated. */
    @Column(name = "cut_order", length = 500)
    private String cutOrder;

    @Column(name = "cut_reason", length = 500)
    private String cutReason;

    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("sortOrder")
    private List<RoundCriterion> criteria = new ArrayList<>();

    // Lazy: a round is read on every view of its page and by every ranking, and 300 judges with their roles and units
    // are four statements and 300 entities each time; only what lists the panel reads it.
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "round_judge", joinColumns = @JoinColumn(name = "round_id"), inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> judges = new LinkedHashSet<>();

    @Version
    private long version;

    protected Round() {
    }

    public Round(Contest contest, int sequenceNo, RoundRules rules, List<Account> panel, Category category,
                 Round sourceRound, Integer sourceTop) {
        this.contest = contest;
        this.sequenceNo = sequenceNo;
        this.category = category;
        this.sourceRound = sourceRound;
        this.sourceTop = sourceTop;
        apply(rules, panel);
    }

    /** Changes the rules and the panel; only before the round opens. */
    public void configure(RoundRules rules, List<Account> panel) {
        if (status != RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.rulesFrozen");
        }
        apply(rules, panel);
    }

    /**
     * Removes the rubric before {@link #configure} sets a new one. The service flushes in between: replaced
     * criteria keep their names, and EclipseLink would insert the new rows before deleting the old ones.
     */
    public void dropCriteria() {
        if (status != RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.rulesFrozen");
        }
        criteria.clear();
    }

    private void apply(RoundRules rules, List<Account> panel) {
        this.name = rules.name();
        this.assignmentMode = rules.mode();
        this.judgesPerEntry = rules.judgesPerEntry();
        this.method = rules.method();
        this.minScores = rules.minScores();
        this.disagreementPct = rules.disagreementPct();
        this.selectCount = rules.selectCount();
        this.commentBelow = rules.commentBelow();
        this.commentAbove = rules.commentAbove();
        criteria.clear();
        for (int i = 0; i < rules.rubric().criteria().size(); i++) {
            criteria.add(new RoundCriterion(this, rules.rubric().criteria().get(i), i + 1));
        }
        judges.clear();
        judges.addAll(panel);
    }

    public void open(Instant now) {
        if (status != RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.notInSetup");
        }
        status = RoundStatus.OPEN;
        openedAt = now;
    }

    /**
     * Records how the organiser settled a tie across the cut. It holds only while the tied entries stay the same:
     * a reopened scorecard that changes the tie makes the organiser decide again.
     */
    public void resolveCut(CutDecision decision, List<String> orderedCodes, String reason) {
        requireOpen();
        this.cutDecision = decision;
        this.cutOrder = String.join(",", orderedCodes);
        this.cutReason = reason;
    }

    /** True when a judge's total (in half points) is outside the bounds within which a comment is optional. */
    public boolean commentRequired(int totalHalfPoints) {
        return (commentBelow != null && totalHalfPoints < commentBelow * 2)
                || (commentAbove != null && totalHalfPoints > commentAbove * 2);
    }

    public void close(String frozenRanking, Instant now) {
        requireOpen();
        status = RoundStatus.CLOSED;
        rankingJson = frozenRanking;
        closedAt = now;
    }

    public void requireOpen() {
        if (status != RoundStatus.OPEN) {
            throw LaurelException.conflict(status == RoundStatus.CLOSED ? "judging.round.closed" : "judging.round.notOpen");
        }
    }

    public Rubric rubric() {
        return new Rubric(criteria.stream().map(RoundCriterion::criterion).toList());
    }

    public Long getId() {
        return id;
    }

    public Contest getContest() {
        return contest;
    }

    public String getName() {
        return name;
    }

    public int getSequenceNo() {
        return sequenceNo;
    }

    public AssignmentMode getAssignmentMode() {
        return assignmentMode;
    }

    public Integer getJudgesPerEntry() {
        return judgesPerEntry;
    }

    public AggregationMethod getMethod() {
        return method;
    }

    public int getMinScores() {
        return minScores;
    }

    public int getDisagreementPct() {
        return disagreementPct;
    }

    public int getSelectCount() {
        return selectCount;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public String getRankingJson() {
        return rankingJson;
    }

    public Category getCategory() {
        return category;
    }

    public Round getSourceRound() {
        return sourceRound;
    }

    public Integer getSourceTop() {
        return sourceTop;
    }

    public Integer getCommentBelow() {
        return commentBelow;
    }

    public Integer getCommentAbove() {
        return commentAbove;
    }

    public CutDecision getCutDecision() {
        return cutDecision;
    }

    public List<String> getCutOrder() {
        return cutOrder == null ? List.of() : List.of(cutOrder.split(","));
    }

    public String getCutReason() {
        return cutReason;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<RoundCriterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public List<Account> getJudges() {
        return List.copyOf(judges);
    }

    public long getVersion() {
        return version;
    }
}
