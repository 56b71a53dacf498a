package app.laurel.submission.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.BulkDecision;
import app.laurel.submission.EntryStatus;
import app.laurel.submission.QuotaLine;
import app.laurel.submission.ScreeningDecision;
import app.laurel.submission.ScreeningFilter;
import app.laurel.submission.ScreeningRow;
import app.laurel.submission.ScreeningService;
import app.laurel.submission.SimilarityComparison;
import app.laurel.submission.SimilarityFlag;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/screening.xhtml?contest=HY2021}: the screening table (资格审查), paged and sorted in the
 * database with the count shown, narrowed by the filters; accepting or returning the selected rows with one
 * reason; near-duplicates and the quota board. One entry's full decision is on its own page.
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
    private String reason;
    private List<ScreeningRow> selected = new ArrayList<>();
    private final Rows rows = new Rows();

    // The page reads these many times per render.
    private transient Contest contest;
    private transient List<QuotaLine> quotaBoard;
    private transient List<SimilarityFlag> duplicates;
    private transient SimilarityComparison comparison;

    /** An unknown or missing contest answers 404 instead of failing while the page renders. */
    public void load() {
        NotFound.unless(this::getContest);
    }

    /** The filter changed: the table starts again at its first page with nothing selected. */
    public void search() {
        selected = new ArrayList<>();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":list:entries") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void acceptSelected() {
        decideSelected(ScreeningDecision.ACCEPT);
    }

    public void returnSelected() {
        decideSelected(ScreeningDecision.RETURN);
    }

    private void decideSelected(ScreeningDecision decision) {
        BulkDecision done = screening.decideAll(contestCode, selected.stream().map(ScreeningRow::id).toList(), decision, reason);
        FacesFeedback.info("screening.bulk.done." + decision, done.decided().size());
        if (!done.skipped().isEmpty()) {
            FacesFeedback.info("screening.bulk.skipped", String.join("、", done.skipped()));
        }
        selected = new ArrayList<>();
        reason = null;
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

    public LazyDataModel<ScreeningRow> getRows() {
        return rows;
    }

    /** How many entries the filters leave, for the line above the table. */
    public int getTotal() {
        return rows.getRowCount();
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

    private ScreeningFilter filter() {
        return new ScreeningFilter(unitId, categoryId, status, text);
    }

    /** The table's rows, a page at a time from the database: a count and a page query per render, never one per row. */
    private final class Rows extends LazyDataModel<ScreeningRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) screening.count(contestCode, filter());
        }

        @Override
        public List<ScreeningRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                    .filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            return screening.rows(contestCode, filter(), first, pageSize, sort == null ? null : sort.getField(),
                    sort == null || sort.getOrder() == SortOrder.ASCENDING);
        }

        @Override
        public String getRowKey(ScreeningRow row) {
            return String.valueOf(row.id());
        }

        /** A selected row by its key: from the page shown, or, kept from an earlier page, from the selection. */
        @Override
        public ScreeningRow getRowData(String rowKey) {
            List<ScreeningRow> shown = getWrappedData();
            List<ScreeningRow> known = new ArrayList<>(shown == null ? List.of() : shown);
            known.addAll(selected);
            return known.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public List<ScreeningRow> getSelected() {
        return selected;
    }

    public void setSelected(List<ScreeningRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
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
