package app.laurel.platform;

import app.laurel.platform.web.ChartConfigs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import software.xdev.chartjs.model.enums.IndexAxis;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The Chart.js configuration a page embeds: the figures as Chart.js reads them, and no way out of the script. */
class ChartConfigsTest {

    @Test
    void aNameThatLooksLikeMarkupStaysTextInsideTheScript() {
        String json = ChartConfigs.bars(List.of("</script><script>alert(1)</script>", "A&B"), IndexAxis.Y, false,
                List.of(ChartConfigs.series("件数", List.of(3L, 4L), "#b3261e")));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertEquals("</script><script>alert(1)</script>", chart.getJsonObject("data").getJsonArray("labels").getString(0));
        assertEquals("A&B", chart.getJsonObject("data").getJsonArray("labels").getString(1));
    }

    @Test
    void floatingBarsArePairsAndStackedBarsStackBothAxes() {
        String json = ChartConfigs.bars(List.of("评委甲"), IndexAxis.Y, true,
                List.of(ChartConfigs.ranges("四分位", List.of(new double[] {70, 80.5}), "#c8912a", 0.7)));
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertEquals("bar", chart.getString("type"));
        var data = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data").getJsonArray(0);
        assertEquals(70, data.getJsonNumber(0).doubleValue());
        assertEquals(80.5, data.getJsonNumber(1).doubleValue());
        JsonObject options = chart.getJsonObject("options");
        assertEquals("y", options.getString("indexAxis"));
        assertEquals(false, options.getBoolean("maintainAspectRatio"));
        assertEquals(true, options.getJsonObject("scales").getJsonObject("x").getBoolean("stacked"));
        assertEquals(true, options.getJsonObject("scales").getJsonObject("y").getBoolean("stacked"));
    }
}
