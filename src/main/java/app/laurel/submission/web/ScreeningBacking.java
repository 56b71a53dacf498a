package app.laurel.submission.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryStatus;
import app.laurel.submission.QuotaLine;
import app.laurel.submission.ScreeningFilter;
import app.laurel.submission.ScreeningService;
import app.laurel.submission.SimilarityComparison;
import app.laurel.submission.SimilarityFlag;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * {@code /organiser/screening.xhtml?contest=HY2021}: the organiser's screening list with filters, the decision
 * on one entry (with a reason for returning or rejecting), near-duplicates and the quota board.
 */
@Named
@ViewScoped
public class ScreeningBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ScreeningService screening;

    @Inject
    private ContestService contests;

    private String contestCode;
    private Long unitId;
    private Long categoryId;
    private EntryStatus status;
    private String text;
    private Long compareFlag;

    // The page reads these many times per render; decisions happen on the entry's own page, so they hold.
    private transient List<Entry> entries;
    private transient Contest contest;
    private transient List<QuotaLine> quotaBoard;
    private transient List<SimilarityFlag> duplicates;
    private transient Set<Long> damaged;
    private transient SimilarityComparison comparison;

    /** An unknown or missing contest answers 404 instead of failing while the page renders. */
    public void load() {
        NotFound.unless(this::getContest);
    }

    public List<Entry> getEntries() {
        if (entries == null) {
            entries = screening.screeningList(contestCode, new ScreeningFilter(unitId, categoryId, status, text));
        }
        return entries;
    }

    public void search() {
        entries = null;
    }

    /** True when a file of the entry is damaged: judges cannot open it. One query for the whole list. */
    public boolean hasDamagedFile(long entryId) {
        if (damaged == null) {
            damaged = screening.entriesWithDamagedFiles(contestCode);
        }
        return damaged.contains(entryId);
    }

    /** Opens a flagged pair: the passages both entries contain, side by side. */
    public void compare(long flagId) {
        compareFlag = flagId;
        comparison = null;
    }

    /** The pair being compared, the later entry first; none until a pair is chosen. */
    public SimilarityComparison getComparison() {
        if (comparison == null && compareFlag != null) {
            comparison = screening.comparison(contestCode, compareFlag);
        }
        return comparison;
    }

    public Contest getContest() {
        if (contest == null) {
            contest = contests.byCode(contestCode);
        }
        return contest;
    }

    public List<QuotaLine> getQuotaBoard() {
        if (quotaBoard == null) {
            quotaBoard = screening.quotaBoard(contestCode);
        }
        return quotaBoard;
    }

    public List<SimilarityFlag> getDuplicates() {
        if (duplicates == null) {
            duplicates = screening.similarityFlags(contestCode);
        }
        return duplicates;
    }

    public EntryStatus[] getStatuses() {
        return EntryStatus.values();
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public EntryStatus getStatus() {
        return status;
    }

    public void setStatus(EntryStatus status) {
        this.status = status;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

}
