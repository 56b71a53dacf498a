package app.laurel.it;

import app.laurel.notification.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two dispatchers claiming at the same moment (two nodes after a notice to thousands) share the due rows and never
 * both hold one: the dispatcher's own claim statement, raced from two connections in the database.
 * <p>
 * The statement claims every row due before the "now" it is given, and the test's "now" is in 2100 so that the
 * portal's own dispatcher leaves the test's rows alone; so the race also takes whatever other tests left pending.
 * It waits until the portal has sent what is due (so that no send of the portal is cut across), counts what it took
 * from others, and puts those rows back as they stood.
 */
@ExtendWith(LaurelServerExtension.class)
class DispatcherRaceIT {

    private static final Duration DRAINED = Duration.ofSeconds(60);

    @Test
    void twoDispatchersClaimingAtOnceNeverHoldTheSameRow(TestServer server) throws Exception {
        String tag = "race" + ThreadLocalRandom.current().nextInt(1_000_000);
        int count = 600;
        LocalDateTime due = LocalDateTime.of(2099, 1, 1, 0, 0);
        LocalDateTime now = LocalDateTime.of(2100, 1, 1, 0, 0);
        try (Connection db = server.connect()) {
            try (PreparedStatement insert = db.prepareStatement("insert into outbox_message (channel, addressee, recipient,"
                    + " template, idem_key, subject, body, state, attempts, next_attempt_at, created_at)"
                    + " values ('MAIL', ?, ?, ?, 'k', 's', 'b', 'PENDING', 0, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, "r" + i + "@" + tag + ".example");
                    insert.setString(2, "r" + i + "@" + tag + ".example");
                    insert.setString(3, tag);
                    insert.setObject(4, due);
                    insert.setObject(5, due);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<Object[]> others = new ArrayList<>();
            try {
                awaitNothingDueOrBeingSent(db, tag);
                others = pendingOthers(db, tag);
                int[] claimed = race(server, tag, now);
                long taken = count(db, "select count(*) from outbox_message where claimed_by like concat(?, '%')"
                        + " and template <> ?", tag, tag);
                assertEquals(count + taken, claimed[0] + claimed[1], "every row claimed once between the two (A "
                        + claimed[0] + ", B " + claimed[1] + ", of them " + taken + " other tests' rows)");
                assertEquals(count, count(db, "select count(*) from outbox_message where template = ? and attempts = 1"
                        + " and (claimed_by like concat(template, 'A%') or claimed_by like concat(template, 'B%'))", tag),
                        "each row claimed by exactly one of them, once");
            } finally {
                putBack(db, tag, others);
                try (PreparedStatement delete = db.prepareStatement("delete from outbox_message where template = ?")) {
                    delete.setString(1, tag);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** Both "nodes" claim batch after batch with the dispatcher's statement until nothing is left; what each took. */
    private static int[] race(TestServer server, String tag, LocalDateTime now) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> claimed = new ArrayList<>();
            for (String node : List.of("A", "B")) {
                claimed.add(nodes.submit(() -> {
                    start.await();
                    int total = 0;
                    try (Connection db = server.connect(); PreparedStatement claim = db.prepareStatement(
                            Dispatcher.CLAIM_BATCH.replaceAll("\\?\\d", "?"))) {
                        for (int batch = 0; ; batch++) {
                            claim.setString(1, tag + node + batch);
                            claim.setObject(2, now.plusMinutes(5));
                            claim.setObject(3, now);
                            claim.setObject(4, now);
                            int n = claim.executeUpdate();
                            if (n == 0) {
                                return total;
                            }
                            total += n;
                        }
                    }
                }));
            }
            start.countDown();
            return new int[]{claimed.get(0).get(), claimed.get(1).get()};
        } finally {
            nodes.shutdownNow();
        }
    }

    /** Until no row of another test is due now or held by the portal's dispatcher (for at most {@link #DRAINED}). */
    private static void awaitNothingDueOrBeingSent(Connection db, String tag) throws Exception {
        Instant deadline = Instant.now().plus(DRAINED);
        long busy;
        while ((busy = count(db, "select count(*) from outbox_message where state = 'PENDING' and template <> ? and"
                + " (next_attempt_at <= ? or claimed_until > ?)", tag, LocalDateTime.now(ZoneOffset.UTC),
                LocalDateTime.now(ZoneOffset.UTC))) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the portal's dispatcher still had " + busy + " due rows after " + DRAINED);
            }
            Thread.sleep(200);
        }
    }

    /** Other tests' pending rows as they stand: id, claimed_by, claimed_until, attempts. */
    private static List<Object[]> pendingOthers(Connection db, String tag) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select id, claimed_by, claimed_until, attempts from outbox_message"
                + " where state = 'PENDING' and template <> ?")) {
            query.setString(1, tag);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[]{r.getLong(1), r.getString(2), r.getObject(3, LocalDateTime.class), r.getInt(4)});
                }
            }
        }
        return rows;
    }

    /** Other tests' rows the race took, back as they stood before it. */
    private static void putBack(Connection db, String tag, List<Object[]> others) throws Exception {
        try (PreparedStatement update = db.prepareStatement("update outbox_message set claimed_by = ?, claimed_until = ?,"
                + " attempts = ? where id = ? and claimed_by like concat(?, '%')")) {
            for (Object[] row : others) {
                update.setString(1, (String) row[1]);
                update.setObject(2, row[2]);
                update.setInt(3, (Integer) row[3]);
                update.setLong(4, (Long) row[0]);
                update.setString(5, tag);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static long count(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
