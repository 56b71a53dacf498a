package app.laurel.campaign;

import java.time.Instant;
import java.util.List;

/**
 * The figures of a campaign's dashboard: each unit's cells by state, each office's accepted cells day by day, and the
 * tasks whose deadline passed with units that never reported (已逾期, as the matrix says it).
 *
 * @param tasks the number of tasks, so a unit's unreported cells are {@code tasks - done - submitted - returned}
 */
public record CampaignDashboard(String code, String title, int tasks, List<UnitProgress> units, List<OfficeProgress> offices,
                                List<OverdueTask> overdue) {

    public record UnitProgress(String unit, long done, long submitted, long returned, long notReported) {

        public int percent() {
            long total = done + submitted + returned + notReported;
            return total == 0 ? 0 : (int) (done * 100 / total);
        }
    }

    /** One office: its cells (its tasks × the units) and, per day with acceptances, the cells accepted by that day's end. */
    public record OfficeProgress(String office, long cells, List<Day> days) {

        public long done() {
            return days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative();
        }

        public int percent() {
            return percentBy(done());
        }

        public int percentBy(long cumulative) {
            return cells == 0 ? 0 : (int) (cumulative * 100 / cells);
        }
    }

    public record Day(String day, long cumulative) {
    }

    public record OverdueTask(int seq, String text, Instant due, long units) {
    }
}
