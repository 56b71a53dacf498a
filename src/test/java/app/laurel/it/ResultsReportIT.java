package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results report for the file, from a real round: three judges by name, a tie across the cut settled by a
 * written order, the round closed, its notice published, one objection upheld (the next entry promoted) and one
 * dismissed with a reply. The PDF, read back as text, names the judges, ranks the entries in the API's order with
 * the API's scores, gives the API's Kendall's W, says what became of each objection and ends with the signatures;
 * only organisers may have it.
 */
@ExtendWith(LaurelServerExtension.class)
class ResultsReportIT {

    private static final String[] JUDGES = {"陈静", "李明远", "王芳华"};

    @Test
    void theReportOfAClosedRoundTellsTheFileWhatTheApiAndTheNoticeSay(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "报告测试", "衡阳县禁毒委员会办公室");
        String[] titles = {"晨光里的约定", "并列之甲", "并列之乙", "远方的灯"};
        for (String title : titles) {
            RoundFixture.acceptedEntry(api, organiser, contest, title);
        }
        Map<String, String> judges = new LinkedHashMap<>();
        for (String name : JUDGES) {
            String username = Api.uniqueName("rp");
            assertEquals(201, api.post("/api/v1/accounts", """
                    {"username":"%s","displayName":"%s","role":"JUDGE","initialPassword":"%s"}"""
                    .formatted(username, name, PASSWORD), organiser, null).status());
            judges.put(username, api.token(username, PASSWORD));
        }
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"method\":\"MEAN\",\"selectCount\":2",
                judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        // The two 并列 entries end equal on every tie-break (mean 80, primary mean 24, highest 82): a tie at the cut.
        int[][] plan = {{90, 82, 78, 70}, {88, 78, 82, 75}, {92, 80, 80, 65}};
        Map<String, String> codes = new LinkedHashMap<>();
        int judge = 0;
        for (String token : judges.values()) {
            for (JsonObject card : JudgingRulesIT.cards(api, token)) {
                int entry = List.of(titles).indexOf(card.getString("title"));
                codes.put(titles[entry], card.getString("code"));
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(plan[judge][entry]), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
            judge++;
        }
        String report = "/api/v1/rounds/" + round + "/report.pdf";
        assertEquals(409, api.get(report, organiser, null).status(), "only a closed round has a report");
        Api.Reply cut = api.post("/api/v1/rounds/" + round + "/cut", """
                {"decision":"ORDERED","order":["%s","%s"],"reason":"终评会议讨论后按现场意见排序"}"""
                .formatted(codes.get("并列之乙"), codes.get("并列之甲")), organiser, null);
        assertEquals(200, cut.status(), cut.body());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());

        JsonObject drafted = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).json();
        long notice = drafted.getJsonNumber("id").longValue();
        assertEquals(200, api.put("/api/v1/notices/" + notice, """
                {"title":"关于报告测试评选结果的公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办"}"""
                .formatted(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofMinutes(30))), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + notice + "/publish", "", organiser, null).status());
        String shortCode = drafted.getString("shortCode");
        Api citizen = api.from("10.14.0.7");
        String objections = "/api/v1/notices/public/" + shortCode + "/objections";
        String upheld = citizen.post(objections, """
                {"realName":"张建国","phone":"13900001414","entry":"%s","reasons":"该作品与某报刊登的文章雷同，涉嫌抄袭。"}"""
                .formatted(codes.get("并列之乙")), null, null).json().getString("receiptNo");
        String dismissed = citizen.post(objections, """
                {"realName":"刘洋","phone":"13900001415","entry":"%s","reasons":"作品中的人物与事实不完全相符。"}"""
                .formatted(codes.get("晨光里的约定")), null, null).json().getString("receiptNo");
        for (JsonValue o : api.get("/api/v1/notices/" + notice + "/objections", organiser, null).structure().asJsonArray()) {
            JsonObject objection = o.asJsonObject();
            String decision = objection.getString("receiptNo").equals(upheld)
                    ? "{\"decision\":\"UPHOLD\",\"investigation\":\"经比对，与原文重合度超过八成。\"}"
                    : "{\"decision\":\"DISMISS\",\"investigation\":\"经核实，作品所述属实。\",\"reply\":\"经调查核实，您反映的问题不成立。\"}";
            assertEquals(200, api.post("/api/v1/notices/objections/" + objection.getJsonNumber("id") + "/decision", decision,
                    organiser, null).status());
        }

        // As the round's page and API show it now: the frozen order, and the panel's figures without the removed entry.
        JsonObject ranking = api.get("/api/v1/rounds/" + round + "/ranking", organiser, null).json();
        Api.Reply refused = api.get(report, judges.values().iterator().next(), null);
        assertEquals(403, refused.status(), "the report names the judges: organisers only");
        assertEquals(403, api.get(report, api.token(api.registerCitizen(PASSWORD), PASSWORD), null).status());
        String text;
        try (PDDocument pdf = Loader.loadPDF(api.bytes(report, organiser))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf);
        }
        List<String> lines = text.lines().toList();
        String flat = text.replaceAll("\\R", ""); // a paragraph read as one line, however it was wrapped

        for (String name : JUDGES) {
            assertTrue(text.contains(name), name + " is named");
        }
        assertTrue(text.contains("评委（3 位）：" + String.join("、", sorted(JUDGES))), text);
        assertTrue(text.contains("主办单位：衡阳县禁毒委员会办公室"), text);
        int previous = -1;
        for (JsonValue value : ranking.getJsonArray("order")) {
            JsonObject entry = value.asJsonObject();
            String code = entry.getString("code");
            String line = rankingLine(lines, code);
            assertTrue(line.startsWith(entry.getInt("rank") + " " + code + " "), "the API's rank for " + code + ": " + line);
            assertTrue(line.contains(" " + entry.getJsonNumber("display").bigDecimalValue().toPlainString() + " "),
                    "the API's score for " + code + ": " + line);
            assertTrue(lines.indexOf(line) > previous, "in the API's order: " + code);
            previous = lines.indexOf(line);
        }
        assertEquals(List.of(codes.get("晨光里的约定"), codes.get("并列之乙"), codes.get("并列之甲"), codes.get("远方的灯")),
                ranking.getJsonArray("order").stream().map(v -> v.asJsonObject().getString("code")).toList(),
                "the organiser's order settled the tie");
        assertTrue(flat.contains("主办方决定按以下顺序排列：" + codes.get("并列之乙") + "、" + codes.get("并列之甲")
                + "。理由：终评会议讨论后按现场意见排序"), "the order and its reason:\n" + text);
        String w = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(ranking.getJsonNumber("kendallsW").doubleValue());
        assertTrue(flat.contains("评委一致性（肯德尔 W）：" + w + "。"), "W " + w + " as the API gives it:\n" + text);

        assertTrue(rankingLine(lines, codes.get("并列之乙")).contains("异议成立"), "the upheld objection removed it");
        assertTrue(rankingLine(lines, codes.get("并列之甲")).contains("递补入选"), "and promoted the next");
        assertTrue(line(lines, upheld).contains("异议成立") && line(lines, dismissed).contains("异议不成立"), text);
        assertTrue(flat.contains("本节数字按仍在评选中的作品计算"), "the figures say they leave the removed entry out");
        assertTrue(text.contains("共收到异议 2 件：成立 1 件，不成立 1 件，处理中 0 件"), text);
        assertTrue(text.contains("答复：经调查核实"), "the reply to the dismissed objection:\n" + text);
        assertTrue(text.contains("六、签字") && text.contains("评委签字") && text.contains("监督人（签字）")
                && text.contains("主办单位（盖章）：衡阳县禁毒委员会办公室"), "the signatures block");
        assertTrue(text.indexOf("六、签字") < text.lastIndexOf(JUDGES[0]), "each judge has a line to sign");
        assertTrue(text.contains("第 1 页 / 共 "), "numbered pages");
    }

    /** The ranking table's line of an entry: its rank, then its code. */
    private static String rankingLine(List<String> lines, String code) {
        return lines.stream().filter(l -> l.matches("\\d+ " + code + " .*")).findFirst()
                .orElseThrow(() -> new AssertionError(code + " has no ranking line:\n" + String.join("\n", lines)));
    }

    private static String line(List<String> lines, String containing) {
        return lines.stream().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError(containing + " not in the report"));
    }

    private static List<String> sorted(String[] names) {
        java.text.Collator chinese = java.text.Collator.getInstance(Locale.CHINA);
        return java.util.Arrays.stream(names).sorted(chinese).toList();
    }
}
