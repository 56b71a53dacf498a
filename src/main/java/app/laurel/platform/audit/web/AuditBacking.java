package app.laurel.platform.audit.web;

import app.laurel.platform.audit.AuditEvent;
import app.laurel.platform.audit.AuditFilter;
import app.laurel.platform.audit.AuditLog;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.web.NotFound;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /organiser/audit.xhtml} (操作日志; {@code ?contest=HY2021&account=judge1} to open it filtered): the audit lines
 * paged and sorted in the database, narrowed by contest, account, action and Beijing days, with an Excel export of the
 * same lines. The filter the table shows is the one last applied, so a half-typed form never reaches the query.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog log;

    private String contest;
    private String account;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private AuditFilter applied = AuditFilter.none();
    private final Lines lines = new Lines();

    private transient List<String> contests;
    private transient List<String> actions;

    /** The parameters in the address are the first filter; ones that cannot be a filter are refused beside their field. */
    public void load() {
        NotFound.unless(() -> {
            search();
            return applied;
        });
    }

    /** Applies the form's filter; the table starts again at its first page. */
    public void search() {
        applied = AuditFilter.of(contest, account, action, from, to);
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":log:lines") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public LazyDataModel<AuditEvent> getLines() {
        return lines;
    }

    /** How many lines the filter leaves, up to the count limit. */
    public int getTotal() {
        return lines.getRowCount();
    }

    public boolean isMore() {
        return lines.getRowCount() > AuditLog.COUNT_LIMIT;
    }

    public int getCountLimit() {
        return AuditLog.COUNT_LIMIT;
    }

    /** The action in plain words in the page's language. */
    public String label(String code) {
        return AuditTrail.label(FacesContext.getCurrentInstance().getViewRoot().getLocale(), code);
    }

    /** When, to the second, in Beijing time. */
    public String when(AuditEvent line) {
        return AuditTrail.exactly(line.getOccurredAt());
    }

    /** The export of exactly the lines applied to the table (the API's address, which the page's session may use). */
    public String getExportUrl() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("contest", applied.contest());
        query.put("account", applied.account());
        query.put("action", applied.action());
        query.put("from", applied.from());
        query.put("to", applied.to());
        String params = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/audit/lines.xlsx"
                + (params.isEmpty() ? "" : "?" + params);
    }

    public List<String> getContests() {
        if (contests == null) {
            contests = log.contests();
        }
        return contests;
    }

    public List<String> getActions() {
        if (actions == null) {
            actions = log.actions();
        }
        return actions;
    }

    /** One page of lines from the database per render: a count (stopping at the limit) and a page query. */
    private final class Lines extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return log.count(applied);
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                    .filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            return log.lines(applied, first, pageSize, sort == null ? null : sort.getField(),
                    sort != null && sort.getOrder() == SortOrder.ASCENDING);
        }

        @Override
        public String getRowKey(AuditEvent line) {
            return String.valueOf(line.getId());
        }
    }

    public String getContest() {
        return contest;
    }

    public void setContest(String contest) {
        this.contest = contest;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
