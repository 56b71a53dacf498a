package app.laurel.campaign;

import java.time.Instant;

/**
 * One cell of the progress matrix (a unit × a task): 已完成, 待审核, 已退回, 未报送, 已逾期. A task nobody reported on is
 * MISSING until its deadline (or the unit's extension) has passed by the server's clock, then OVERDUE.
 */
public enum CellStatus {
    DONE, SUBMITTED, RETURNED, MISSING, OVERDUE;

    public static CellStatus of(ReportStatus report, Instant due, Instant extendedUntil, Instant now) {
        if (report != null) {
            return switch (report) {
                case ACCEPTED -> DONE;
                case SUBMITTED -> SUBMITTED;
                case RETURNED -> RETURNED;
            };
        }
        return Deadline.open(due, extendedUntil, now) ? MISSING : OVERDUE;
    }
}
