package app.laurel.platform.web;

import software.xdev.chartjs.model.charts.AbstractChart;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.enums.IndexAxis;
import software.xdev.chartjs.model.options.LegendOptions;
import software.xdev.chartjs.model.options.Options;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.category.CategoryScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearTickOptions;

import java.util.List;

/**
 * What every dashboard chart shares: the Chart.js configuration as JSON that is safe inside the inline script
 * PrimeFaces writes for {@code <p:chart>}, the options that make a chart fit a 390 px phone, and the palette.
 */
public final class ChartConfigs {

    /** Laurel's red and gold first, then calm colours that stay apart for colour-blind readers. */
    public static final List<String> PALETTE = List.of("#b3261e", "#c8912a", "#2f6f9f", "#4f8a3c", "#7a5195", "#5f6b76",
            "#d45087", "#1f7a7a");
    public static final String MUTED = "#c9d0d6";

    private ChartConfigs() {
    }

    /**
     * The chart as JSON with {@code <}, {@code >} and {@code &} escaped: a unit named {@code </script>} must stay text.
     * Outside strings JSON never holds these characters, so escaping them everywhere changes no value.
     */
    public static String json(AbstractChart<?, ?, ?> chart) {
        return chart.toJson().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /**
     * Sized by its box, not its width: the page gives each chart a height that suits its rows, so bars stay readable
     * on a phone; no animation, so a chart is final once drawn. Bars along {@code axis} (Y: horizontal bars).
     */
    public static <O extends Options<O, ?>> O fit(O options, IndexAxis axis, boolean legend) {
        return options.setResponsive(true).setMaintainAspectRatio(false).setAnimation(false).setIndexAxis(axis)
                .setPlugins(new Plugins().setLegend(new LegendOptions().setDisplay(legend).setPosition("bottom")));
    }

    /** Pixels for a chart of {@code rows} horizontal bars: enough for a label and a bar each, never tiny. */
    public static int height(int rows) {
        return Math.max(160, 60 + 26 * rows);
    }

    /**
     * A bar chart of the datasets over {@code labels}; {@code stacked} piles them up (parts of one whole), otherwise
     * they stand side by side, or on top of each other where a dataset says {@code grouped: false}.
     */
    public static String bars(List<String> labels, IndexAxis axis, boolean stacked, List<BarDataset> datasets) {
        return bars(labels, axis, stacked, true, datasets);
    }

    /**
     * The same; {@code counts} makes the value axis start at zero with whole-number ticks (no "0.5 entries"), otherwise
     * it spans only the values, as scores between 55 and 95 want.
     */
    public static String bars(List<String> labels, IndexAxis axis, boolean stacked, boolean counts, List<BarDataset> datasets) {
        BarData data = new BarData().setLabels(labels);
        datasets.forEach(data::addDataset);
        BarOptions options = fit(new BarOptions(), axis, datasets.size() > 1);
        Scales.ScaleAxis valueAxis = axis == IndexAxis.Y ? Scales.ScaleAxis.X : Scales.ScaleAxis.Y;
        Scales.ScaleAxis labelAxis = axis == IndexAxis.Y ? Scales.ScaleAxis.Y : Scales.ScaleAxis.X;
        LinearScaleOptions values = new LinearScaleOptions().setBeginAtZero(counts).setStacked(stacked);
        if (counts) {
            values.setTicks(new LinearTickOptions().setPrecision(0));
        }
        options.setScales(new Scales()
                .addScale(valueAxis, values)
                .addScale(labelAxis, new CategoryScaleOptions().setStacked(stacked)));
        return json(new BarChart(data, options));
    }

    /** One series of counts in one colour. */
    public static BarDataset series(String label, List<? extends Number> values, Object colour) {
        BarDataset set = new BarDataset().setLabel(label).setBackgroundColor(colour);
        set.setDataUnchecked(values);
        return set;
    }

    /** Floating bars, one {from, to} pair per label, drawn over the others in the same slot. */
    public static BarDataset ranges(String label, List<double[]> ranges, String colour, double thickness) {
        BarDataset set = new BarDataset().setLabel(label).setBackgroundColor(colour).setGrouped(false)
                .setBarPercentage(thickness).setCategoryPercentage(1);
        set.setDataUnchecked(ranges);
        return set;
    }
}
