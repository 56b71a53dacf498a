package app.laurel.platform.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node's last heartbeat as the database holds it: its grid member id, its grid address, the members its grid saw
 * (itself included) and when it started. What every node writes every few seconds, so that the nodes can judge who
 * is outside the cluster (see {@link #strongerRival}).
 */
public record Heartbeat(String member, String address, List<String> members, Instant startedAt) {

    /**
     * The live heartbeat of a node on a side that should serve instead of {@code self}'s, or empty when
     * {@code self}'s side is the one to serve. Another node is a rival only when neither saw the other in its grid:
     * a node that died, or that we merely lost sight of a moment ago, still lists us in its last heartbeat, and a
     * row at our own address is a predecessor of ours (two running nodes cannot hold one address). Between rivals
     * the side with more members serves; at equal size the side with the node that started first (a node that
     * could not join a running cluster is the newcomer); at the same instant, the smaller member id.
     */
    public static Optional<Heartbeat> strongerRival(Heartbeat self, List<Heartbeat> live) {
        Set<String> mine = new HashSet<>(self.members());
        mine.add(self.member());
        Heartbeat myOldest = live.stream().filter(beat -> mine.contains(beat.member()))
                .min(FIRST_STARTED).filter(oldest -> FIRST_STARTED.compare(oldest, self) < 0).orElse(self);
        return live.stream()
                .filter(other -> !mine.contains(other.member()) && !other.members().contains(self.member())
                        && !other.address().equals(self.address()))
                .filter(other -> other.side() > mine.size()
                        || other.side() == mine.size() && FIRST_STARTED.compare(other, myOldest) < 0)
                .min(FIRST_STARTED);
    }

    private static final Comparator<Heartbeat> FIRST_STARTED =
            Comparator.comparing(Heartbeat::startedAt).thenComparing(Heartbeat::member);

    /** How many members this node's side has, as it last saw it (itself at least). */
    int side() {
        return Math.max(1, members.size());
    }

    /** The members as the database holds them: ids separated by commas. */
    String membersText() {
        return String.join(",", members);
    }

    static List<String> members(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }
}
