package app.laurel.campaign.web;

import app.laurel.campaign.CampaignDashboard;
import app.laurel.campaign.CampaignDashboard.OfficeProgress;
import app.laurel.campaign.CampaignDashboard.UnitProgress;
import app.laurel.campaign.CampaignDashboardService;
import app.laurel.platform.i18n.MessageBundle;
import app.laurel.platform.web.ChartConfigs;
import app.laurel.platform.web.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.enums.IndexAxis;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import static app.laurel.platform.web.ChartConfigs.PALETTE;
import static app.laurel.platform.web.ChartConfigs.bars;
import static app.laurel.platform.web.ChartConfigs.series;

/**
 * {@code /organiser/campaign-dashboard.xhtml?campaign=YY2020}: each unit's tasks by state, each office's completion
 * over time and the overdue tasks, as charts with their tables. Read-only, so request scoped.
 */
@Named
@RequestScoped
public class CampaignDashboardBacking {

    @Inject
    private CampaignDashboardService dashboards;

    @Inject
    private MessageBundle msg;

    private String code;
    private CampaignDashboard dashboard;

    public void load() {
        dashboard = NotFound.unless(() -> dashboards.dashboard(code == null ? "" : code));
    }

    /** A bar per unit, its cells piled by state in the matrix's words and colours of meaning (green done, red missing). */
    public String getUnitsChart() {
        List<UnitProgress> units = dashboard.units();
        return bars(units.stream().map(UnitProgress::unit).toList(), IndexAxis.Y, true, List.of(
                part("cellStatus.DONE", units, UnitProgress::done, PALETTE.get(3)),
                part("cellStatus.SUBMITTED", units, UnitProgress::submitted, PALETTE.get(2)),
                part("cellStatus.RETURNED", units, UnitProgress::returned, PALETTE.get(1)),
                part("campaignDashboard.notReported", units, UnitProgress::notReported, ChartConfigs.MUTED)));
    }

    /** A line per office: its completion in percent at the end of every day on which any office had a task accepted. */
    public String getOfficesChart() {
        TreeSet<String> days = new TreeSet<>();
        dashboard.offices().forEach(o -> o.days().forEach(d -> days.add(d.day())));
        LineData data = new LineData().setLabels(new ArrayList<>(days));
        int colour = 0;
        for (OfficeProgress office : dashboard.offices()) {
            List<Integer> percents = new ArrayList<>();
            long cumulative = 0;
            int next = 0;
            for (String day : days) {
                while (next < office.days().size() && office.days().get(next).day().compareTo(day) <= 0) {
                    cumulative = office.days().get(next++).cumulative();
                }
                percents.add(office.percentBy(cumulative));
            }
            String c = PALETTE.get(colour++ % PALETTE.size());
            LineDataset line = new LineDataset().setLabel(office.office()).setBorderColor(c).setBackgroundColor(c);
            line.setDataUnchecked(percents);
            data.addDataset(line);
        }
        LineOptions options = ChartConfigs.fit(new LineOptions(), IndexAxis.X, true)
                .setScales(new Scales().addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setMin(0).setMax(100)));
        return ChartConfigs.json(new LineChart(data, options));
    }

    public String getOverdueChart() {
        var overdue = dashboard.overdue();
        return bars(overdue.stream().map(t -> msg.format("campaignDashboard.task.label", t.seq())).toList(), IndexAxis.Y, false,
                List.of(series(msg.get("campaignDashboard.overdue.units"), overdue.stream().map(CampaignDashboard.OverdueTask::units).toList(),
                        PALETTE.get(0))));
    }

    public int height(int rows) {
        return ChartConfigs.height(rows);
    }

    private BarDataset part(String key, List<UnitProgress> units, ToLongFunction<UnitProgress> count, String colour) {
        return series(msg.get(key), units.stream().map(count::applyAsLong).toList(), colour);
    }

    public CampaignDashboard getDashboard() {
        return dashboard;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
