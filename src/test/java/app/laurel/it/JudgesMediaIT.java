package app.laurel.it;

import app.laurel.storage.MediaSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judges score blind: a photo's EXIF and a video's tags name the author, so judges get copies without them. */
@ExtendWith(LaurelServerExtension.class)
class JudgesMediaIT {

    @TempDir
    Path dir;

    @Test
    void judgesGetPhotosAndVideosWithoutTheirMetadataAndOrganisersGetTheOriginals(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        Path photo = MediaSamples.jpeg(dir, 6);
        Path video = MediaSamples.mp4(dir, true);
        long photoFile = ColumnFixture.uploaded(api.upload(photo, "张三拍的照片.jpg", citizen));
        long videoFile = ColumnFixture.uploaded(api.upload(video, "张三的视频.mp4", citizen));
        long story = RoundFixture.entry(api, citizen, contest.code(), contest.volunteers(), "照片故事", null, photoFile, "IMAGE");
        long film = ColumnFixture.draft(api, citizen, contest.code(), "VIDEO", contest.volunteers(), "禁毒微视频", "<p>片中的故事发生在社区。</p>", null);
        ColumnFixture.attach(api, citizen, film, videoFile, "VIDEO");
        ColumnFixture.submit(api, citizen, film);
        RoundFixture.accept(api, organiser, contest.code(), story);
        RoundFixture.accept(api, organiser, contest.code(), film);
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        String judge = judges.values().iterator().next();

        byte[] judgesPhoto = api.bytes("/api/v1/files/" + photoFile + "/content", judge);
        String photoMetadata = MediaSamples.metadata(new ByteArrayInputStream(judgesPhoto));
        for (String gone : new String[]{MediaSamples.ARTIST, MediaSamples.COPYRIGHT, "GPS"}) {
            assertFalse(photoMetadata.contains(gone) || contains(judgesPhoto, gone), gone + " reached the judge: " + photoMetadata);
        }
        assertTrue(photoMetadata.contains("Orientation=6"), "the photo still stands upright: " + photoMetadata);

        byte[] judgesVideo = api.bytes("/api/v1/files/" + videoFile + "/content", judge);
        String videoMetadata = MediaSamples.metadata(new ByteArrayInputStream(judgesVideo));
        for (String gone : new String[]{MediaSamples.TITLE, MediaSamples.ARTIST, MediaSamples.COMMENT}) {
            assertFalse(videoMetadata.contains(gone) || contains(judgesVideo, gone), gone + " reached the judge: " + videoMetadata);
        }
        assertTrue(videoMetadata.contains("xmpDM:duration=2"), "still the whole video: " + videoMetadata);

        assertArrayEquals(Files.readAllBytes(photo), api.bytes("/api/v1/files/" + photoFile + "/content", organiser));
        assertArrayEquals(Files.readAllBytes(video), api.bytes("/api/v1/files/" + videoFile + "/content", organiser));
        assertArrayEquals(Files.readAllBytes(video), api.bytes("/api/v1/files/" + videoFile + "/content", citizen),
                "the author too");
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
}
