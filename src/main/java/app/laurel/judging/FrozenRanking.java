package app.laurel.judging;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The ranking as it stood when a round closed, kept as JSON with the round and never recomputed: method, the
 * number to select, every entry's code, rank, value and whether it was selected, and how a tie at the cut was
 * settled. Later rounds and the public notice read it from here, so a later change of code cannot move a result.
 */
public final class FrozenRanking {

    /** One line of a frozen ranking. */
    public record Line(String code, int rank, String value, boolean selected) {
    }

    private FrozenRanking() {
    }

    static String write(Round round, Ranking ranking, Map<Long, String> codes, boolean cutApplied) {
        JsonArrayBuilder order = Json.createArrayBuilder();
        for (RankedEntry e : ranking.order()) {
            order.add(Json.createObjectBuilder().add("code", codes.get(e.entryId())).add("rank", e.rank())
                    .add("value", e.value().toPlainString()).add("plainMean", e.plainMean().toPlainString())
                    .add("primaryMean", e.primaryMean().toPlainString()).add("highest", e.highest().toPlainString())
                    .add("scores", e.scoreCount()).add("selected", ranking.isSelected(e)));
        }
        var json = Json.createObjectBuilder().add("method", round.getMethod().name())
                .add("selectCount", round.getSelectCount()).add("order", order);
        if (cutApplied) {
            json.add("cut", Json.createObjectBuilder().add("decision", round.getCutDecision().name())
                    .add("order", String.join(",", round.getCutOrder())).add("reason", round.getCutReason()));
        }
        return json.build().toString();
    }

    /**
     * The frozen ranking as a {@link Ranking}, so that a closed round's page, API and score sheet show the snapshot
     * itself rather than a recomputation. {@code ids} maps codes to round-entry ids.
     */
    static Ranking ranking(String json, Map<String, Long> ids, AggregationMethod method, int selectCount) {
        JsonObject frozen = Json.createReader(new StringReader(json)).readObject();
        List<RankedEntry> order = new java.util.ArrayList<>();
        int selected = 0;
        for (JsonValue value : frozen.getJsonArray("order")) {
            JsonObject o = value.asJsonObject();
            order.add(new RankedEntry(ids.get(o.getString("code")), new BigDecimal(o.getString("value")),
                    new BigDecimal(o.getString("plainMean")), new BigDecimal(o.getString("primaryMean", "0")),
                    new BigDecimal(o.getString("highest", "0")), o.getInt("scores"), o.getInt("rank")));
            selected += o.getBoolean("selected", false) ? 1 : 0;
        }
        return new Ranking(method, selectCount, order, List.of(), selected);
    }

    /** Whether the organiser's settlement of a tie at the cut was part of the frozen result. */
    static boolean cutApplied(String json) {
        return Json.createReader(new StringReader(json)).readObject().containsKey("cut");
    }

    /** The lines of a closed round's frozen ranking, best first. */
    public static List<Line> read(String json) {
        JsonObject frozen = Json.createReader(new StringReader(json)).readObject();
        return frozen.getJsonArray("order").stream().map(JsonValue::asJsonObject)
                .map(o -> new Line(o.getString("code"), o.getInt("rank"), o.getString("value"),
                        o.getBoolean("selected", false))).toList();
    }
}
