package app.laurel.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From a closed round to the result through the API: the notice is drafted and published, an objection is filed
 * in the period and upheld (the next-ranked entry is promoted and the public page shows the correction), the
 * result is final only once the period is over, certificates are issued whose PDF names the holder and work in
 * Chinese with an embedded font and a QR code that leads to a verification answering VALID, then REVOKED; prizes
 * are recorded with masked account numbers.
 */
@ExtendWith(LaurelServerExtension.class)
class PublicationIT {

    @Test
    void aNoticeWithAnUpheldObjectionLeadsToWinnersCertificatesAndPrizes(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String[] authors = {"欧阳晓燕", "李明", "王芳", "赵强"};
        String[] titles = {"回家的路", "老李的十年", "阳光下的约定", "远方"};
        String[] citizens = new String[4];
        for (int i = 0; i < 4; i++) {
            citizens[i] = api.token(api.registerCitizen(PASSWORD), PASSWORD);
            long id = RoundFixture.entry(api, citizens[i], contest.code(), contest.category(), titles[i], authors[i], null);
            RoundFixture.accept(api, organiser, contest.code(), id);
        }
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"method\":\"MEAN\",\"selectCount\":2",
                judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        Map<String, Integer> plan = Map.of("R1-001", 90, "R1-002", 85, "R1-003", 80, "R1-004", 70);
        for (String token : judges.values()) {
            for (JsonObject card : JudgingRulesIT.cards(api, token)) {
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(plan.get(card.getString("code"))), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
        }
        assertEquals(409, api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).status(),
                "only a closed round can be publicised");
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());

        Api.Reply drafted = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null);
        assertEquals(201, drafted.status(), drafted.body());
        long notice = drafted.json().getJsonNumber("id").longValue();
        String code = drafted.json().getString("shortCode");
        assertEquals(List.of("回家的路", "老李的十年"), titles(drafted.json()));
        assertTrue(drafted.json().getString("body").contains("匿名异议不予受理"), "the standard text says how to object");
        assertEquals(404, api.get("/api/v1/notices/public/" + code, null, null).status(), "a draft is not public");
        Api.Reply draftPage = api.get("/n/" + code, null, null);
        assertEquals(404, draftPage.status(), "nor its page");
        assertTrue(draftPage.body().contains("页面不存在"), "the short link answers with the not-found page");
        assertEquals(404, api.get("/n/zzzzzzzz", null, null).status());

        Instant now = Instant.now();
        String text = """
                {"title":"关于评选结果的公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办 0734-1234567"}""";
        assertEquals(400, api.put("/api/v1/notices/" + notice, text.formatted(now, now.minusSeconds(60)), organiser).status(),
                "a period that ends before it starts");
        Instant ends = now.plus(Duration.ofMinutes(10)); // long enough for the objections below on a slow machine
        assertEquals(200, api.put("/api/v1/notices/" + notice, text.formatted(now.minusSeconds(60), ends), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + notice + "/publish", "", organiser, null).status());

        String objections = "/api/v1/notices/public/" + code + "/objections";
        assertEquals(400, api.post(objections, "{\"realName\":\"\",\"phone\":\"123\",\"entry\":\"R1-001\",\"reasons\":\"抄袭他人作品，原文见某报。\"}",
                null, null).status(), "no real name, no mobile number: refused");
        Api.Reply filed = api.post(objections, """
                {"realName":"张建国","phone":"13900001111","entry":"R1-001","reasons":"该作品与某报2019年刊登的文章雷同，涉嫌抄袭。"}""", null, null);
        assertEquals(201, filed.status(), filed.body());
        String receipt = filed.json().getString("receiptNo");
        assertEquals(409, api.post("/api/v1/notices/" + notice + "/finalise", "", organiser, null).status(), "the period is not over");
        // One number may object three times to a notice; the fourth is refused.
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.post(objections, """
                    {"realName":"刘洋","phone":"13900005555","entry":"R1-002","reasons":"第%d次：作品中的人物与事实不完全相符。"}""".formatted(i + 1),
                    null, null).status());
        }
        Api.Reply tooMany = api.post(objections, """
                {"realName":"刘洋","phone":"13900005555","entry":"R1-002","reasons":"第四次：作品中的人物与事实不完全相符。"}""", null, null);
        assertEquals(409, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("最多可提出 3 次"), tooMany.body());

        JsonArray received = api.get("/api/v1/notices/" + notice + "/objections", organiser, null).structure().asJsonArray();
        assertEquals(4, received.size());
        assertEquals("13900001111", received.getJsonObject(0).getString("phone"));
        assertEquals(401, api.get("/api/v1/notices/" + notice + "/objections", null, null).status(), "not without logging in");
        assertEquals(403, api.get("/api/v1/notices/" + notice + "/objections", judges.values().iterator().next(), null).status(),
                "objections are for organisers only");
        long objection = received.getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply upheld = api.post("/api/v1/notices/objections/" + objection + "/decision",
                "{\"decision\":\"UPHOLD\",\"investigation\":\"经比对，与原文重合度超过八成，异议属实。\"}", organiser, null);
        assertEquals(200, upheld.status(), upheld.body());
        assertEquals("UPHELD", api.get("/api/v1/notices/objections/receipt/" + receipt + "?phone=13900001111", null, null).json()
                .getString("status"));

        JsonObject published = api.get("/api/v1/notices/public/" + code, null, null).json();
        assertEquals(List.of("老李的十年", "阳光下的约定"), listed(published), "the third-ranked entry is promoted");
        String correction = published.getJsonArray("corrections").getJsonObject(0).getString("text");
        assertTrue(correction.contains("回家的路") && correction.contains("阳光下的约定") && correction.contains("更正"), correction);
        String page = api.get("/n/" + code, null, null).body();
        assertTrue(page.contains(correction.substring(0, 20)) && page.contains("阳光下的约定"), "the public page shows the correction");

        server.moveClockPast(ends); // the rest of the period goes by
        assertEquals(409, api.post(objections, """
                {"realName":"张建国","phone":"13900002222","entry":"R1-002","reasons":"公示期满后再提出的异议应当不被受理。"}""", null, null).status(),
                "objections close with the period");
        Api.Reply pending = api.post("/api/v1/notices/" + notice + "/finalise", "", organiser, null);
        assertEquals(409, pending.status(), "three objections are still open");
        assertTrue(pending.body().contains("3"), pending.body());
        for (int i = 1; i < 4; i++) {
            long open = received.getJsonObject(i).getJsonNumber("id").longValue();
            assertEquals(200, api.post("/api/v1/notices/objections/" + open + "/decision",
                    "{\"decision\":\"DISMISS\",\"investigation\":\"经核实，作品所述属实。\",\"reply\":\"经调查核实，您反映的问题不成立。\"}",
                    organiser, null).status());
        }
        String dismissedReceipt = received.getJsonObject(1).getString("receiptNo");
        JsonObject dismissed = api.get("/api/v1/notices/objections/receipt/" + dismissedReceipt + "?phone=13900005555", null, null).json();
        assertEquals("DISMISSED", dismissed.getString("status"));
        assertEquals("经调查核实，您反映的问题不成立。", dismissed.getString("reply"), "the objector reads the reply");
        assertEquals(404, api.get("/api/v1/notices/objections/receipt/" + dismissedReceipt + "?phone=13900001111", null, null).status(),
                "only with the phone number given");
        Api.Reply finalised = api.post("/api/v1/notices/" + notice + "/finalise", "", organiser, null);
        assertEquals(200, finalised.status(), finalised.body());
        assertTrue(finalised.json().getString("result").contains("阳光下的约定"));
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(
                "select title, status from entry where contest_id = (select id from contest where code = ?) order by receipt_no")) {
            q.setString(1, contest.code());
            try (ResultSet rows = q.executeQuery()) {
                StringBuilder statuses = new StringBuilder();
                while (rows.next()) {
                    statuses.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
                }
                assertEquals("回家的路=DISQUALIFIED 老李的十年=WINNER 阳光下的约定=WINNER 远方=ACCEPTED ", statuses.toString());
            }
        }

        // Certificates: a template, one per winner, the PDF, the QR code, verification, revocation.
        assertEquals(409, api.post("/api/v1/certificates/issue?contest=" + contest.code(), "", organiser, null).status(),
                "a template first");
        Api.Reply template = api.put("/api/v1/certificates/template?contest=" + contest.code(), """
                {"title":"荣誉证书","body":"{name}同志：\\n　　你的作品《{work}》荣获“{award}”称号，特发此证。","award":"衡阳县最美禁毒故事",
                 "issuer":"衡阳县禁毒委员会","issuedOn":"2021-06-26"}""", organiser);
        assertEquals(200, template.status(), template.body());
        JsonArray issued = api.post("/api/v1/certificates/issue?contest=" + contest.code(), "", organiser, null).structure().asJsonArray();
        assertEquals(2, issued.size());
        JsonObject certificate = issued.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("work").equals("阳光下的约定"))
                .findFirst().orElseThrow();
        String holder = certificate.getString("holder"); // the citizen who wrote it, by the name they registered with
        assertEquals("测试群众", holder);
        String serial = certificate.getString("serial");
        assertTrue(serial.matches(contest.code() + "-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), serial);
        byte[] pdf = api.bytes("/api/v1/certificates/" + serial + "/pdf", organiser);
        String qr;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String extracted = new PDFTextStripper().getText(document).replaceAll("\\s", ""); // lines wrap anywhere in Chinese
            assertTrue(extracted.contains(holder) && extracted.contains("阳光下的约定") && extracted.contains("衡阳县最美禁毒故事"), extracted);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        }
        assertTrue(qr.endsWith("/verify/" + serial), qr);
        // The holder finds and downloads their own certificate; another citizen cannot.
        assertTrue(api.get("/api/v1/certificates/mine", citizens[2], null).body().contains(serial));
        assertEquals(200, api.get("/api/v1/certificates/" + serial + "/pdf", citizens[2], null).status());
        assertEquals(404, api.get("/api/v1/certificates/" + serial + "/pdf", citizens[3], null).status());
        // Editing the template later changes new certificates only: this one stays as issued.
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + contest.code(), """
                {"title":"荣誉证书","body":"{name}：改过的正文《{work}》。","award":"衡阳县最美禁毒故事","issuer":"衡阳县禁毒委员会",
                 "issuedOn":"2021-06-26"}""", organiser).status());
        try (PDDocument again = Loader.loadPDF(api.bytes("/api/v1/certificates/" + serial + "/pdf", organiser))) {
            String reissued = new PDFTextStripper().getText(again).replaceAll("\\s", "");
            assertTrue(reissued.contains("特发此证") && !reissued.contains("改过的正文"), reissued);
        }
        String verifyPath = qr.substring(qr.indexOf("/verify/"));
        String valid = api.get(verifyPath, null, null).body();
        assertTrue(valid.contains(holder) && valid.contains("阳光下的约定") && valid.contains("有效"), "the QR code leads to a page saying VALID");
        assertEquals("VALID", api.get("/api/v1/certificates/verify/" + serial, null, null).json().getString("status"));
        assertEquals(400, api.post("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"\"}", organiser, null).status());
        assertEquals(200, api.post("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"获奖者本人申请撤回\"}", organiser, null).status());
        assertEquals("REVOKED", api.get("/api/v1/certificates/verify/" + serial, null, null).json().getString("status"));
        assertTrue(api.get(verifyPath, null, null).body().contains("已撤销"));
        assertEquals(404, api.get("/api/v1/certificates/verify/" + contest.code() + "-0000-0000-0000", null, null).status());
        assertTrue(api.get("/verify/" + contest.code() + "-0000-0000-0000", null, null).body().contains("查无此证书"));

        // Prizes: ¥1,000 each; the account number never travels unmasked in a list.
        JsonObject level = api.post("/api/v1/prizes/levels?contest=" + contest.code(), "{\"name\":\"衡阳县最美禁毒故事\",\"amount\":1000}",
                organiser, null).json();
        JsonArray prizes = api.post("/api/v1/prizes/levels/" + level.getJsonNumber("id") + "/award?contest=" + contest.code(), "",
                organiser, null).structure().asJsonArray();
        assertEquals(2, prizes.size());
        long prize = prizes.getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject payee = api.put("/api/v1/prizes/" + prize + "/payee",
                "{\"payeeType\":\"AUTHOR\",\"payeeName\":\"李明\",\"bank\":\"衡阳县农村商业银行\",\"account\":\"6217 0000 1234 5678\"}", organiser).json();
        assertEquals("•••• 5678", payee.getString("account"));
        assertFalse(api.get("/api/v1/prizes?contest=" + contest.code(), organiser, null).body().contains("6217000012345678"));
        assertEquals(200, api.post("/api/v1/prizes/" + prize + "/paid", "{\"paidOn\":\"2021-06-30\",\"reference\":\"财付2021-088\"}",
                organiser, null).status());
        assertEquals(409, api.post("/api/v1/prizes/" + prize + "/paid", "{\"paidOn\":\"2021-07-01\",\"reference\":\"again\"}",
                organiser, null).status(), "paid once");
    }

    private static List<String> titles(JsonObject notice) {
        return notice.getJsonArray("entries").stream().map(v -> v.asJsonObject().getString("title")).toList();
    }

    private static List<String> listed(JsonObject notice) {
        return notice.getJsonArray("entries").stream().map(v -> v.asJsonObject()).filter(e -> e.getBoolean("listed"))
                .map(e -> e.getString("title")).toList();
    }
}
