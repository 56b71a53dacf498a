package app.laurel.it;

import app.laurel.storage.HostileFiles;
import app.laurel.storage.HostileFiles.Sample;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-upload corpus ({@link HostileFiles}: over a thousand files in ten classes) through the running portal,
 * on every route a file comes in by: the resumable upload API that entries attach (as a citizen, every file),
 * the same API as a unit administrator for campaign evidence, and the anonymous multipart objection form (a
 * share of every class). Not one is accepted, none answers 500, each refusal says why in Chinese, and the storage
 * directory holds exactly the files it held before. The honest files the corpus is made of are then accepted.
 */
@ExtendWith(LaurelServerExtension.class)
class HostileUploadsIT {

    /** Of each class, how many go through the two routes that share the corpus. */
    private static final int PER_CLASS = 6;

    @TempDir
    Path dir;

    @Test
    void noHostileFileIsAcceptedOnAnyRouteAndNoneLeavesAFile(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String citizen = api.token(api.registerCitizen(RoundFixture.PASSWORD), RoundFixture.PASSWORD);
        String unitAdmin = api.token(new CampaignFixture(api).unitAdmin(Api.uniqueName("单位")), CampaignFixture.PASSWORD);
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, RoundFixture.contest(api, organiser),
                Duration.ofDays(7), "回家的路", "老李的十年", "远方");
        String objections = "/api/v1/notices/public/" + notice.code() + "/objections";
        HostileFiles corpus = new HostileFiles(dir);
        List<Sample> all = corpus.samples();
        List<Sample> share = share(all);
        long before = TestFiles.storedFiles(server.storageDir());
        long started = System.nanoTime();

        Map<String, String> wrong = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Sample sample : all) {
                done.add(pool.submit(() -> judge(wrong, "entry upload", sample, upload(api, sample, citizen))));
            }
            for (Sample sample : share) {
                done.add(pool.submit(() -> judge(wrong, "campaign evidence", sample, upload(api, sample, unitAdmin))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        for (Sample sample : share) { // an empty file chosen as evidence is refused too ("文件是空的")
            Path file = Files.createDirectories(dir.resolve("objection-" + share.indexOf(sample))).resolve(sample.name());
            judge(wrong, "objection evidence", sample,
                    api.multipart(objections, form(), "evidence", List.of(Files.write(file, sample.bytes())), null));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertEquals(Map.of(), new TreeMap<>(wrong), "hostile files accepted, answered 500, or refused without a Chinese message");
        assertEquals(before, TestFiles.storedFiles(server.storageDir()), "no stored file, piece (.part/.meta) or copy is left of a refusal");
        System.out.printf("Hostile uploads: %d files %s on the entry route, %d on each other route, in %d s%n",
                all.size(), classes(all), share.size(), seconds);

        for (String extension : HostileFiles.REAL) {
            Api.Reply accepted = upload(api, new Sample("real", "真实." + extension, corpus.real.get(extension), null), citizen);
            assertEquals(200, accepted.status(), extension + ": " + accepted.body());
            assertTrue(accepted.json().getJsonObject("file") != null, accepted.body());
        }
        Path png = Files.write(dir.resolve("证据.png"), corpus.real.get("png"));
        Path pdf = Files.write(dir.resolve("剪报.pdf"), corpus.real.get("pdf"));
        Api.Reply filed = api.multipart(objections, form(), "evidence", List.of(png, pdf), null);
        assertEquals(201, filed.status(), "real evidence is accepted: " + filed.body());
        JsonObject objection = api.get("/api/v1/notices/" + notice.id() + "/objections", organiser, null).structure()
                .asJsonArray().getJsonObject(0);
        assertEquals(2, objection.getJsonArray("evidenceFileIds").size(), "both pieces of evidence are kept: " + objection);
        assertEquals(before + HostileFiles.REAL.size() + 2, TestFiles.storedFiles(server.storageDir()), "one file for each accepted one");
    }

    /** The reply of the completing PATCH, or of the declaration when that is refused already (an empty file). */
    private static Api.Reply upload(Api api, Sample sample, String token) throws Exception {
        String name = sample.name().replace("\\", "\\\\").replace("\"", "\\\"");
        Api.Reply begun = api.post("/api/v1/uploads", "{\"fileName\":\"" + name + "\",\"length\":" + sample.bytes().length + "}",
                token, null);
        if (begun.status() != 201) {
            return begun;
        }
        return api.patch("/api/v1/uploads/" + begun.json().getString("id"), 0,
                HttpRequest.BodyPublishers.ofByteArray(sample.bytes()), token);
    }

    private static Void judge(Map<String, String> wrong, String route, Sample sample, Api.Reply reply) {
        if (reply.status() != 400 || !reply.body().matches("(?s).*\\p{IsHan}.*")) {
            wrong.put(route + ": " + sample, reply.status() + " " + reply.body());
        }
        return null;
    }

    /** The first few of every class, so that every class goes through every route. */
    private static List<Sample> share(List<Sample> all) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Sample> share = new ArrayList<>();
        for (Sample sample : all) {
            if (taken.merge(sample.kind(), 1, Integer::sum) <= PER_CLASS) {
                share.add(sample);
            }
        }
        return share;
    }

    private static Map<String, String> form() {
        return new LinkedHashMap<>(Map.of("realName", "张建国", "phone", "13900008888", "entry", "R1-002",
                "reasons", "该作品所述事件与事实不符，当事人另有其人。"));
    }

    private static Map<String, Long> classes(List<Sample> samples) {
        Map<String, Long> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.kind(), 1L, Long::sum));
        return counts;
    }
}
