package app.laurel.platform.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who is outside the cluster, judged from the nodes' heartbeats in the database. */
class HeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private static Heartbeat beat(String member, int startedSecond, String... members) {
        return new Heartbeat(member, "10.0.0." + member.charAt(0) + ":5701", List.of(members), T0.plusSeconds(startedSecond));
    }

    @Test
    void twoNodesOfOneClusterAreBothInside() {
        Heartbeat a = beat("a", 0, "a", "b");
        Heartbeat b = beat("b", 30, "a", "b");
        assertEquals(Optional.empty(), Heartbeat.strongerRival(a, List.of(a, b)));
        assertEquals(Optional.empty(), Heartbeat.strongerRival(b, List.of(a, b)));
    }

    @Test
    void aNewNodeThatCannotJoinIsOutsideAndTheClusterStaysIn() {
        Heartbeat a = beat("a", 0, "a", "b");
        Heartbeat b = beat("b", 30, "a", "b");
        Heartbeat c = beat("c", 600, "c");
        List<Heartbeat> live = List.of(a, b, c);
        assertEquals(Optional.of(a), Heartbeat.strongerRival(c, live), "the bigger side serves");
        assertEquals(Optional.empty(), Heartbeat.strongerRival(a, live));
        assertEquals(Optional.empty(), Heartbeat.strongerRival(b, live));
    }

    @Test
    void ofTwoLoneNodesTheOneStartedFirstServes() {
        Heartbeat a = beat("a", 0, "a");
        Heartbeat c = beat("c", 600, "c");
        assertEquals(Optional.of(a), Heartbeat.strongerRival(c, List.of(a, c)), "the newcomer could not join");
        assertEquals(Optional.empty(), Heartbeat.strongerRival(a, List.of(a, c)));
    }

    @Test
    void theSurvivorOfADeadLeaderStaysInWhileTheDeadOnesLastHeartbeatIsStillFresh() {
        Heartbeat deadLeader = beat("a", 0, "a", "b");
        Heartbeat survivor = beat("b", 30, "b");
        assertEquals(Optional.empty(), Heartbeat.strongerRival(survivor, List.of(deadLeader, survivor)),
                "the dead node's last heartbeat lists the survivor: not a rival");
    }

    @Test
    void aSplitLeavesTheSideWithTheFirstStartedNodeServing() {
        Heartbeat a = beat("a", 0, "a");
        Heartbeat b = beat("b", 30, "b");
        assertEquals(Optional.of(a), Heartbeat.strongerRival(b, List.of(a, b)));
        assertEquals(Optional.empty(), Heartbeat.strongerRival(a, List.of(a, b)));
    }

    @Test
    void aNodeRestartedAtItsAddressIsNotItsOwnRival() {
        Heartbeat before = new Heartbeat("old", "10.0.0.1:5701", List.of("old"), T0);
        Heartbeat after = new Heartbeat("new", "10.0.0.1:5701", List.of("new"), T0.plusSeconds(20));
        assertEquals(Optional.empty(), Heartbeat.strongerRival(after, List.of(before, after)));
    }

    @Test
    void aSmallerSideWhoseOldestStartedFirstStillYieldsToTheBiggerOne() {
        Heartbeat lone = beat("a", 0, "a");
        Heartbeat b = beat("b", 30, "b", "c");
        Heartbeat c = beat("c", 40, "b", "c");
        assertEquals(Optional.of(b), Heartbeat.strongerRival(lone, List.of(lone, b, c)));
        assertEquals(Optional.empty(), Heartbeat.strongerRival(b, List.of(lone, b, c)));
    }

    @Test
    void theMembersTravelAsOneColumn() {
        Heartbeat a = beat("a", 0, "a", "b");
        assertEquals("a,b", a.membersText());
        assertEquals(List.of("a", "b"), Heartbeat.members("a,b"));
        assertEquals(List.of(), Heartbeat.members(""));
    }
}
