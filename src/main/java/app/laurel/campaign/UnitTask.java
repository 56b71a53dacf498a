package app.laurel.campaign;

/** A task as a reporting unit sees it: its own report (or none), the cell status, and whether it may report now. */
public record UnitTask(CampaignTask task, TaskReport report, CellStatus status, boolean open) {

    /** A unit may submit while the deadline is open, correct a returned report at any time, never touch an accepted one. */
    public boolean mayReport() {
        if (report == null) {
            return open;
        }
        return switch (report.getStatus()) {
            case ACCEPTED -> false;
            case RETURNED -> true;
            case SUBMITTED -> open;
        };
    }
}
