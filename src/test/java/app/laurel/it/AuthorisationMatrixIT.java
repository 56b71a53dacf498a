package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every API operation and every page, asked by everyone: the anonymous visitor, two citizens, two township
 * clerks, a judge assigned to an entry, one who declared a conflict on it, one outside the round, a campaign
 * reviewer, the organiser and the administrator — on objects that belong to one of them. The expected answers are
 * {@code authorisation-matrix.txt} (the API) and {@link #pages()}; an operation in {@code /openapi} that the
 * matrix does not name fails the test, so a new endpoint cannot arrive without its row.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class AuthorisationMatrixIT {

    private static final List<String> IDENTITIES = List.of("anon", "citizenA", "citizenB", "unitA", "unitB", "judgeA",
            "judgeC", "judgeN", "reviewer", "organiser", "admin");
    private static final Map<String, List<String>> GROUPS = Map.of(
            "citizens", List.of("citizenA", "citizenB"), "units", List.of("unitA", "unitB"),
            "judges", List.of("judgeA", "judgeC", "judgeN"), "staff", List.of("organiser", "admin"));
    private static AuthorisationWorld world;

    @TempDir
    static Path dir;

    private static synchronized AuthorisationWorld world(TestServer server) throws Exception {
        if (world == null) {
            world = new AuthorisationWorld(server, new Api(server), dir);
        }
        return world;
    }

    record Row(String method, String path, Set<String> allowed, int allowedStatus, String body) {
    }

    @Test
    void everyOperationOfTheApiAnswersEachCallerAsTheMatrixSays(TestServer server) throws Exception {
        AuthorisationWorld w = world(server);
        Api api = new Api(server);
        List<Row> rows = matrix();
        assertEquals(List.of(), uncovered(api, rows, w), "operations in /openapi without a row in authorisation-matrix.txt");

        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Row row : rows) {
            String path = w.fill(row.path());
            for (String identity : IDENTITIES) {
                boolean allowed = row.allowed().contains(identity);
                if (allowed && !isRead(row.method())) {
                    continue;
                }
                int status = send(api, row.method(), path, row.body() == null ? null : w.fill(row.body()), w.tokens.get(identity));
                asked++;
                String expected = allowed ? String.valueOf(row.allowedStatus())
                        : identity.equals("anon") ? "401" : "403 or 404";
                if (!expected.contains(String.valueOf(status))) {
                    wrong.add(row.method() + " " + path + " as " + identity + ": " + status + ", expected " + expected);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + asked + " answers differ from the matrix:\n" + String.join("\n", wrong));
    }

    /**
     * What judge A is shown of citizen A's entry — every API answer a judge may read, its headers, the picture's
     * bytes and the scoring page — names neither the author nor their phone or username.
     */
    @Test
    void nothingAJudgeIsShownNamesTheAuthor(TestServer server, WebDriver browser) throws Exception {
        AuthorisationWorld w = world(server);
        Api api = new Api(server);
        List<String> secrets = List.of(AuthorisationWorld.AUTHOR_NAME, AuthorisationWorld.AUTHOR_PHONE, w.values.get("authorUsername"));
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (String judge : GROUPS.get("judges")) {
            for (Row row : matrix()) {
                if (row.method().equals("GET") && row.allowed().contains(judge)) {
                    String path = w.fill(row.path());
                    Api.Reply reply = api.get(path, w.tokens.get(judge), null);
                    read++;
                    String seen = reply.body() + reply.raw().headers().map();
                    secrets.stream().filter(seen::contains).forEach(s -> leaks.add(judge + " reads “" + s + "” in " + path));
                }
            }
        }
        PageActions.logIn(browser, server, w.usernames.get("judgeA"), w.passwordOf("judgeA"));
        browser.get(server.baseUrl() + "/judge/score.xhtml?id=" + w.values.get("SC_A"));
        String page = browser.getPageSource();
        assertTrue(page.contains("矩阵里的故事"), "the scoring page shows the entry it is for");
        secrets.stream().filter(page::contains).forEach(s -> leaks.add("judgeA reads “" + s + "” on the scoring page"));
        assertTrue(read >= 3, "the judges read their list, a scorecard and a picture: " + read);
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyPageAnswersEachCallerAsItsAreaSays(TestServer server, WebDriver browser) throws Exception {
        AuthorisationWorld w = world(server);
        List<String> wrong = new ArrayList<>();
        for (String identity : IDENTITIES) {
            browser.manage().deleteAllCookies();
            String cookie = null;
            if (!identity.equals("anon")) {
                PageActions.logIn(browser, server, w.usernames.get(identity), w.passwordOf(identity));
                cookie = PageActions.cookieHeader(browser);
            }
            for (var page : pages().entrySet()) {
                String path = w.fill(page.getKey());
                boolean allowed = page.getValue().contains("*") || page.getValue().contains(identity)
                        || page.getValue().contains("@") && !identity.equals("anon")
                        || page.getValue().stream().anyMatch(g -> GROUPS.getOrDefault(g, List.of()).contains(identity));
                HttpResponse<String> response = page(server, path, cookie);
                int status = response.statusCode();
                boolean toLogin = status == 302 && response.headers().firstValue("Location").orElse("").contains("/login.xhtml");
                boolean ok = allowed ? status == 200 && !response.body().contains("data-status=\"500\"")
                        : identity.equals("anon") ? toLogin || status == 404 : status == 403 || status == 404;
                if (!ok) {
                    wrong.add(path + " as " + identity + ": " + status + (allowed ? ", expected 200" : ", expected a refusal"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Pages and who may open them: {@code *} everyone, {@code @} signed in, or identities and groups. */
    private static Map<String, List<String>> pages() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        for (String open : List.of("/index.xhtml", "/login.xhtml", "/register.xhtml", "/contest.xhtml?code={C}",
                "/n/{NC}", "/column/{C2}", "/column/{C2}/{COL}", "/verify/{SER}")) {
            pages.put(open, List.of("*"));
        }
        pages.put("/account/index.xhtml", List.of("@"));
        pages.put("/account/certificates.xhtml", List.of("@"));
        pages.put("/account/messages.xhtml", List.of("@"));
        pages.put("/entries/mine.xhtml", List.of("citizens", "units"));
        pages.put("/entries/edit.xhtml?id={E_A}", List.of("citizenA"));
        pages.put("/entries/receipt.xhtml?id={E_A}", List.of("citizenA"));
        pages.put("/judge/index.xhtml", List.of("judges"));
        pages.put("/judge/score.xhtml?id={SC_A}", List.of("judgeA"));
        pages.put("/judge/score.xhtml?id={SC_C}", List.of());
        pages.put("/unit/recommend.xhtml?contest={C}", List.of("units"));
        pages.put("/unit/candidate.xhtml?contest={C}&id={E_T}", List.of("unitA"));
        pages.put("/unit/campaign.xhtml?campaign={CAMP}", List.of("unitA"));
        pages.put("/review/index.xhtml?campaign={CAMP}", List.of("reviewer"));
        for (String organisers : List.of("/organiser/workspace.xhtml", "/organiser/workspace.xhtml?code={C}",
                "/organiser/contest.xhtml?code={C}", "/organiser/screening.xhtml?contest={C}",
                "/organiser/entry.xhtml?id={E_A}", "/organiser/rounds.xhtml?contest={C}", "/organiser/round.xhtml?id={R}",
                "/organiser/notice.xhtml?contest={C2}", "/organiser/column.xhtml?contest={C2}",
                "/organiser/certificates.xhtml?contest={C3}", "/organiser/prizes.xhtml?contest={C3}",
                "/organiser/accounts.xhtml", "/organiser/campaigns.xhtml", "/organiser/campaign.xhtml?campaign={CAMP}",
                "/organiser/campaign-matrix.xhtml?campaign={CAMP}", "/organiser/exports.xhtml?code={C}",
                "/organiser/dashboard.xhtml?code={C}", "/organiser/campaign-dashboard.xhtml?campaign={CAMP}",
                "/organiser/audit.xhtml", "/organiser/audit.xhtml?contest={C}")) {
            pages.put(organisers, List.of("staff"));
        }
        return pages;
    }

    private static HttpResponse<String> page(TestServer server, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int send(Api api, String method, String path, String body, String token) throws Exception {
        return switch (method) {
            case "GET" -> api.get(path, token, null).status();
            case "HEAD" -> api.head(path, token).status();
            case "POST" -> body != null && body.matches("[a-z]+/[a-z+.-]+:.*")
                    ? api.postBytes(path, body.substring(0, body.indexOf(':')),
                            body.substring(body.indexOf(':') + 1).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), token).status()
                    : api.post(path, body == null ? "" : body, token, null).status();
            case "PUT" -> api.put(path, body == null ? "{}" : body, token).status();
            case "DELETE" -> api.delete(path, token).status();
            case "PATCH" -> api.patch(path, 0, AuthorisationWorld.oneByte(), token).status();
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorisationMatrixIT.class.getResourceAsStream("/authorisation-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                String[] call = parts[0].trim().split("\\s+");
                Set<String> allowed = new LinkedHashSet<>();
                int status = 200;
                for (String who : parts[1].trim().split("\\s+")) {
                    if (who.startsWith("=")) {
                        status = Integer.parseInt(who.substring(1));
                    } else if (who.equals("*")) {
                        allowed.addAll(IDENTITIES);
                    } else if (who.equals("@")) {
                        IDENTITIES.stream().filter(i -> !i.equals("anon")).forEach(allowed::add);
                    } else if (GROUPS.containsKey(who)) {
                        allowed.addAll(GROUPS.get(who));
                    } else if (IDENTITIES.contains(who)) {
                        allowed.add(who);
                    } else if (!who.equals("-")) {
                        throw new IllegalStateException("unknown caller “" + who + "” in: " + line);
                    }
                }
                rows.add(new Row(call[0], call[1], allowed, status, parts.length > 2 ? parts[2].trim() : null));
            }
        }
        return rows;
    }

    /** Operations the served description lists that no row of the matrix asks about. */
    private static List<String> uncovered(Api api, List<Row> rows, AuthorisationWorld world) {
        ApiContract contract = api.contract();
        Set<String> asked = new LinkedHashSet<>();
        for (Row row : rows) {
            asked.add(contract.operationOf(row.method(), world.fill(row.path()).replaceAll("\\?.*", "")));
        }
        return contract.operations().stream().filter(o -> !asked.contains(o)).toList();
    }
}
