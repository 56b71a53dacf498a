package app.laurel.workspace.web;

import app.laurel.platform.i18n.MessageBundle;
import app.laurel.platform.web.ChartConfigs;
import app.laurel.platform.web.NotFound;
import app.laurel.workspace.ContestDashboard;
import app.laurel.workspace.DashboardService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;

/**
 * {@code /organiser/dashboard.xhtml?code=HY2021}: the contest's figures as charts, each with its table one click away.
 * Read-only, so request scoped; the figures come from the service the API calls.
 */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    private DashboardService dashboards;

    @Inject
    private MessageBundle msg;

    private String code;
    private ContestDashboard dashboard;
    private DashboardCharts charts;

    public void load() {
        dashboard = NotFound.unless(() -> dashboards.dashboard(code == null ? "" : code));
        charts = new DashboardCharts(dashboard, msg);
    }

    /** 还有 3 天 4 小时, by the server's clock; 已截止 once the deadline has passed. */
    public String getCountdown() {
        Duration left = dashboard.remaining();
        if (left == null) {
            return msg.get("dashboard.deadline.none");
        }
        if (left.isNegative() || left.isZero()) {
            return msg.get("dashboard.deadline.passed");
        }
        return msg.format("dashboard.deadline.left", left.toDays(), left.toHoursPart(), left.toMinutesPart());
    }

    /** Pixels of a horizontal bar chart with this many rows. */
    public int height(int rows) {
        return ChartConfigs.height(rows);
    }

    public DashboardCharts getCharts() {
        return charts;
    }

    public ContestDashboard getDashboard() {
        return dashboard;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
