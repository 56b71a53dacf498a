package app.laurel.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organiser's view of a campaign: units × tasks, each cell's {@link CellStatus}, completion (accepted tasks) per
 * unit and per office, and how many cells are in each status. Built from plain lists so it is tested without a
 * container. The office filter narrows the tasks; the status filter keeps the units with at least one such cell.
 */
public record ProgressMatrix(List<Column> columns, List<Line> lines, List<OfficeCompletion> offices,
                             Map<CellStatus, Integer> counts) {

    public record Column(long taskId, int seq, String text, String offices, String target, Instant due) {

        static final int SHORT_LENGTH = 6;

        /** The task's name cut to fit a column header; the page gives the full name on hover and to screen readers. */
        public String shortText() {
            String name = text == null ? "" : text.strip();
            return name.codePointCount(0, name.length()) <= SHORT_LENGTH ? name
                    : name.substring(0, name.offsetByCodePoints(0, SHORT_LENGTH - 1)) + "…";
        }
    }

    public record Cell(long taskId, CellStatus status, boolean belowTarget, BigDecimal value, Long reportId) {
    }

    public record Line(long unitId, String unitName, List<Cell> cells, int done, int total) {
        public int percent() {
            return total == 0 ? 0 : done * 100 / total;
        }
    }

    public record OfficeCompletion(long officeId, String name, int done, int total) {
        public int percent() {
            return total == 0 ? 0 : done * 100 / total;
        }
    }

    public static ProgressMatrix build(Campaign campaign, List<TaskReport> reports, Instant now, Long officeId,
                                       CellStatus statusFilter) {
        Map<String, TaskReport> byCell = new HashMap<>();
        for (TaskReport r : reports) {
            byCell.put(r.getTask().getId() + ":" + r.getUnit().getId(), r);
        }
        List<CampaignTask> tasks = campaign.getTasks().stream()
                .filter(t -> officeId == null || t.isOfOffice(officeId)).toList();
        List<Column> columns = tasks.stream().map(t -> new Column(t.getId(), t.getSeq(), t.getText(), t.getOfficeNames(),
                t.getTargetLabel(), t.getDueAt())).toList();
        Map<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
        for (CellStatus s : CellStatus.values()) {
            counts.put(s, 0);
        }
        List<Line> lines = new ArrayList<>();
        for (CampaignUnit participation : campaign.getUnits()) {
            List<Cell> cells = new ArrayList<>();
            int done = 0;
            for (CampaignTask task : tasks) {
                Cell cell = cell(task, participation, byCell, now);
                cells.add(cell);
                done += cell.status() == CellStatus.DONE ? 1 : 0;
            }
            if (statusFilter != null && cells.stream().noneMatch(c -> c.status() == statusFilter)) {
                continue;
            }
            cells.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
            lines.add(new Line(participation.getUnit().getId(), participation.getUnit().getName(), cells, done, cells.size()));
        }
        List<OfficeCompletion> offices = new ArrayList<>();
        for (Office office : campaign.getOffices()) {
            int done = 0;
            int total = 0;
            for (CampaignTask task : campaign.getTasks()) {
                if (!task.isOfOffice(office.getId())) {
                    continue;
                }
                for (CampaignUnit participation : campaign.getUnits()) {
                    total++;
                    done += cell(task, participation, byCell, now).status() == CellStatus.DONE ? 1 : 0;
                }
            }
            offices.add(new OfficeCompletion(office.getId(), office.getName(), done, total));
        }
        return new ProgressMatrix(columns, lines, offices, counts);
    }

    private static Cell cell(CampaignTask task, CampaignUnit participation, Map<String, TaskReport> byCell, Instant now) {
        TaskReport report = byCell.get(task.getId() + ":" + participation.getUnit().getId());
        CellStatus status = CellStatus.of(report == null ? null : report.getStatus(), task.getDueAt(),
                participation.getExtendedUntil(), now);
        return report == null ? new Cell(task.getId(), status, false, null, null)
                : new Cell(task.getId(), status, report.isBelowTarget(), report.getValue(), report.getId());
    }
}
