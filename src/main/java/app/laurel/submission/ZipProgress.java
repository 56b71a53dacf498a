package app.laurel.submission;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How far each ZIP download has got, by the token the organiser's page chose for it, so the page can draw a progress
 * bar while the browser receives the file. The total is known before the first byte (the files' sizes are in the
 * database), so the bar is exact without first building the ZIP; the browser's own download bar cannot show one,
 * since a streamed ZIP has no Content-Length. Kept in memory: a download lives as long as its connection, and with
 * several server nodes the page's polls must reach the node that serves the download (sticky sessions, as JSF
 * needs anyway). Only the account that started a download reads its progress.
 */
@ApplicationScoped
public class ZipProgress {

    /** Random from the page: long enough not to be guessed, short and plain enough for an address. */
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16,64}");
    /** A finished download's figures stay this long for the page's last poll, then go. */
    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 1000;

    public enum Stage { WAITING, RUNNING, DONE, FAILED }

    /** Files and bytes written of the totals; a token unknown (yet) to this node is WAITING with nothing counted. */
    public record State(Stage stage, int filesDone, int filesTotal, long bytesDone, long bytesTotal) {

        static final State WAITING = new State(Stage.WAITING, 0, 0, 0, 0);

        /** Whole percent of the bytes, 100 for a finished download even of nothing. */
        public int percent() {
            if (stage == Stage.DONE) {
                return 100;
            }
            return bytesTotal == 0 ? 0 : (int) Math.min(100, bytesDone * 100 / bytesTotal);
        }
    }

    private record Tracked(String owner, State state, Instant touched) {
    }

    private final Map<String, Tracked> downloads = new ConcurrentHashMap<>();

    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    void begin(String token, String owner, int files, long bytes) {
        if (!isToken(token)) {
            return; // a download without a progress bar
        }
        forgetOld();
        if (downloads.size() < MAX_TRACKED) {
            downloads.put(token, new Tracked(owner, new State(Stage.RUNNING, 0, files, 0, bytes), Instant.now()));
        }
    }

    void advance(String token, int files, long bytes) {
        update(token, s -> new State(Stage.RUNNING, files, s.filesTotal(), bytes, s.bytesTotal()));
    }

    void finish(String token) {
        update(token, s -> new State(Stage.DONE, s.filesTotal(), s.filesTotal(), s.bytesTotal(), s.bytesTotal()));
    }

    void fail(String token) {
        update(token, s -> new State(Stage.FAILED, s.filesDone(), s.filesTotal(), s.bytesDone(), s.bytesTotal()));
    }

    /** The download's state for the account that started it; WAITING for anyone else, as for an unknown token. */
    public State state(String token, String owner) {
        Tracked tracked = token == null ? null : downloads.get(token);
        return tracked == null || !tracked.owner().equals(owner) ? State.WAITING : tracked.state();
    }

    private void update(String token, java.util.function.UnaryOperator<State> change) {
        if (token != null) {
            downloads.computeIfPresent(token, (t, d) -> new Tracked(d.owner(), change.apply(d.state()), Instant.now()));
        }
    }

    private void forgetOld() {
        Instant before = Instant.now().minus(KEPT);
        downloads.values().removeIf(d -> d.touched().isBefore(before));
    }
}
