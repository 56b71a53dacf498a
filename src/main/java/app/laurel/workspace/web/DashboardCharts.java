package app.laurel.workspace.web;

import app.laurel.platform.i18n.MessageBundle;
import app.laurel.platform.web.ChartConfigs;
import app.laurel.workspace.BoxStats;
import app.laurel.workspace.ContestDashboard;
import app.laurel.workspace.ContestDashboard.Count;
import app.laurel.workspace.ContestDashboard.JudgeScores;
import software.xdev.chartjs.model.enums.IndexAxis;

import java.util.List;

import static app.laurel.platform.web.ChartConfigs.PALETTE;
import static app.laurel.platform.web.ChartConfigs.bars;
import static app.laurel.platform.web.ChartConfigs.ranges;
import static app.laurel.platform.web.ChartConfigs.series;

/** The Chart.js configurations of a contest's dashboard, each drawn from one list of {@link ContestDashboard}. */
public final class DashboardCharts {

    private static final String BELOW = PALETTE.get(0);
    private static final String MET = PALETTE.get(3);

    private final ContestDashboard d;
    private final MessageBundle msg;

    DashboardCharts(ContestDashboard dashboard, MessageBundle msg) {
        this.d = dashboard;
        this.msg = msg;
    }

    public String byDay() {
        return counts(d.byDay(), "", IndexAxis.X, PALETTE.get(2));
    }

    public String byCategory() {
        return counts(d.byCategory(), "", IndexAxis.Y, PALETTE.get(1));
    }

    public String byType() {
        return counts(d.byType(), "entryType.", IndexAxis.Y, PALETTE.get(4));
    }

    public String byStatus() {
        return counts(d.byStatus(), "entryStatus.", IndexAxis.Y, PALETTE.get(2));
    }

    public String objections() {
        return counts(d.objections(), "objectionStatus.", IndexAxis.Y, PALETTE.get(0));
    }

    /** Entries counted per unit beside its minimum; a unit short of it is red, the ones to chase. */
    public String units() {
        var units = d.units();
        return bars(units.stream().map(ContestDashboard.UnitLine::unit).toList(), IndexAxis.Y, false, List.of(
                series(msg.get("dashboard.units.counted"), units.stream().map(ContestDashboard.UnitLine::counted).toList(),
                        units.stream().map(u -> (Object) (u.isBelowMinimum() ? BELOW : MET)).toList()),
                series(msg.get("dashboard.units.min"), units.stream().map(ContestDashboard.UnitLine::min).toList(), ChartConfigs.MUTED)));
    }

    /** Each judge's scorecards: submitted, and still to do, piled into the judge's whole load. */
    public String judges() {
        var judges = d.judging().judges();
        return bars(judges.stream().map(ContestDashboard.JudgeLine::judge).toList(), IndexAxis.Y, true, List.of(
                series(msg.get("dashboard.judging.submitted"), judges.stream().map(ContestDashboard.JudgeLine::submitted).toList(), MET),
                series(msg.get("dashboard.judging.open"), judges.stream().map(j -> j.assigned() - j.submitted()).toList(), ChartConfigs.MUTED)));
    }

    public String entriesByScores() {
        return counts(d.judging().entriesByScores(), "dashboard.judging.scores", IndexAxis.X, PALETTE.get(2));
    }

    /**
     * A box per judge from floating bars (Chart.js draws no box plot): a thin bar from lowest to highest total, a wide
     * one from the lower to the upper quartile, and a short dark one at the median. Boxes sitting right of the others
     * are lenient judges, left of them harsh ones.
     */
    public String scores() {
        List<JudgeScores> scores = d.judging().scores();
        List<BoxStats> boxes = scores.stream().map(JudgeScores::box).toList();
        return bars(scores.stream().map(JudgeScores::judge).toList(), IndexAxis.Y, false, false, List.of(
                ranges(msg.get("dashboard.scores.median"), boxes.stream().map(b -> new double[] {b.median() - 0.25, b.median() + 0.25}).toList(),
                        "#1f2328", 0.8),
                ranges(msg.get("dashboard.scores.quartiles"), boxes.stream().map(b -> new double[] {b.q1(), b.q3()}).toList(), PALETTE.get(1), 0.7),
                ranges(msg.get("dashboard.scores.range"), boxes.stream().map(b -> new double[] {b.min(), b.max()}).toList(), ChartConfigs.MUTED, 0.15)));
    }

    /**
     * A row's label as chart and table show it: {@code prefix} ending in a dot names an enum's messages
     * ({@code entryType.}), another prefix is a pattern for the label ({@code {0} 份评分}), none leaves it as it is
     * (a date, a category; an entry without a category says so).
     */
    public String label(String prefix, String label) {
        if (prefix == null || prefix.isEmpty()) {
            return label.isEmpty() ? msg.get("dashboard.noCategory") : label;
        }
        return prefix.endsWith(".") ? msg.get(prefix + label) : msg.format(prefix, label);
    }

    private String counts(List<Count> counts, String prefix, IndexAxis axis, String colour) {
        return bars(counts.stream().map(c -> label(prefix, c.label())).toList(), axis, false,
                List.of(series("", counts.stream().map(Count::count).toList(), colour)));
    }
}
