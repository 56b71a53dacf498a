package app.laurel.notification;

import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Delivers the outbox every {@code laurel.notify.dispatch-every}, batch after batch until nothing is due. A batch of
 * due rows is first CLAIMED by one guarded UPDATE in its own short transaction, under a name for this node and batch
 * alone: it takes only rows still pending, due, and not claimed by anyone whose claim is still running, so two
 * nodes, or a node and its restarted self, never both hold one row. The claim is committed before the SMTP or SMS
 * conversation starts, so no database lock is held while a slow gateway answers. Mail goes over one SMTP connection
 * for the round (reconnected after an error). What the servers took is marked sent a few rows at a time, a failure
 * (the next attempt after {@link Backoff}, or given up) at once; each write is guarded by the batch's claim.
 * <p>
 * If the process dies after the server accepted a message (SMTP 250, gateway 2xx) but before "sent" committed, the
 * row stays pending under a claim that runs out after {@code laurel.notify.claim}; then it is sent again. That is the
 * least bad of the two answers: the alternative (marking "sending" and never retrying an unknown outcome) silently
 * loses the message, and a lost 退回修改 or reminder costs the person more than a rare second copy. The window is
 * the few messages sent since the last "sent" commit (at most {@value #SETTLE_EVERY}, well under a second). A second
 * mail carries the same Message-ID, so mail clients that collapse duplicates show it once.
 * <p>
 * On a cluster (issue 16) this runs on EVERY node, on purpose: the claim above is what makes a message go out once,
 * not which node runs, and two nodes sending share a deadline's queue between them. Each batch's claimant is this
 * node's host name with a random UUID ({@link #node}, made per start), so two nodes on one machine never share a
 * name, and the claim's UPDATE is one atomic statement in the one database, so of two nodes racing for a row only
 * one changes it. Not gated by {@code Cluster.leads()}, which would leave mail waiting while the grid is in trouble.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final int BATCH = 100;
    private static final int SETTLE_EVERY = 20;

    /**
     * Claims a batch: who (this node and batch), until when, and now. Public for the test that races two
     * dispatchers' claims against each other in the database.
     */
    public static final String CLAIM_BATCH = "update outbox_message set claimed_by = ?1, claimed_until = ?2,"
            + " attempts = attempts + 1 where state = 'PENDING' and next_attempt_at <= ?3"
            + " and (claimed_until is null or claimed_until < ?3) order by next_attempt_at, id limit " + BATCH;

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private LaurelConfig config;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    private final AtomicBoolean running = new AtomicBoolean();
    private final String node = node();
    private final AtomicLong claims = new AtomicLong();
    private Backoff backoff;
    private Duration claim;
    private MailSender mail;
    private SmsSender sms;
    private String mailDomain;

    @PostConstruct
    void start() {
        backoff = new Backoff(config.duration(Key.NOTIFY_RETRY_FIRST), config.duration(Key.NOTIFY_RETRY_CAP),
                (int) config.number(Key.NOTIFY_MAX_ATTEMPTS));
        claim = config.duration(Key.NOTIFY_CLAIM);
        mail = Senders.mail(config);
        sms = Senders.sms(config);
        String from = config.get(Key.MAIL_FROM);
        mailDomain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "") : "laurel";
        long every = config.duration(Key.NOTIFY_DISPATCH_EVERY).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void dispatch() {
        // A round that outlasts the interval (a slow gateway, a long queue) is not joined by the next one.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            // Until the queue is empty: a notice to 10,000 entrants goes out in one round, not 1,000 every tick.
            while (claimAndDeliver() == BATCH) {
                // the next batch
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification dispatch stopped for this round (database away?)", e);
        } finally {
            mail.close();
            running.set(false);
        }
    }

    /** Claims up to {@link #BATCH} due rows and delivers them; returns how many it claimed. */
    private int claimAndDeliver() {
        String claimant = claimant();
        Instant claimed = clock.instant();
        List<Object[]> rows = claim(claimant);
        Set<String> bounced = bounced(rows);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            // A hung server (each step waits out its timeout) must not carry the batch's last rows past their claim,
            // when another node may take and send them too: past half the claim time the rest go back, untried.
            if (clock.instant().isAfter(claimed.plus(claim.dividedBy(2)))) {
                settleSent(claimant, sent);
                release(claimant, rows.subList(i, rows.size()));
                return 0;
            }
            if (deliver(claimant, row, bounced)) {
                sent.add(((Number) row[0]).longValue());
            }
            if (sent.size() == SETTLE_EVERY) {
                settleSent(claimant, sent);
            }
        }
        settleSent(claimant, sent);
        return rows.size();
    }

    /**
     * One guarded UPDATE takes the next due rows that nobody holds (still pending, due, no running claim) under a
     * name used for this batch alone, and only the rows it changed are read back: two nodes racing for the same
     * rows each get a different part of them, never the same row. Empty when the database is away.
     */
    private List<Object[]> claim(String claimant) {
        Instant now = clock.instant();
        int claimed = inTransaction(() -> em.createNativeQuery(CLAIM_BATCH).setParameter(1, claimant).setParameter(2, utc(now.plus(claim))).setParameter(3, utc(now))
                .executeUpdate()).orElse(0);
        if (claimed == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, channel, recipient, subject, body, attempts from outbox_message"
                + " where claimed_by = ?1 order by id").setParameter(1, claimant).getResultList();
        return rows;
    }

    /** Hands rows of a batch back untried, as if never claimed, for the next round. */
    private void release(String claimant, List<Object[]> rows) {
        String in = rows.stream().map(r -> String.valueOf(r[0])).collect(Collectors.joining(","));
        inTransaction(() -> em.createNativeQuery("update outbox_message set claimed_by = null, claimed_until = null,"
                + " attempts = attempts - 1 where claimed_by = ?1 and id in (" + in + ")").setParameter(1, claimant).executeUpdate());
        LOG.warning(() -> rows.size() + " outbox messages handed back untried: the batch took more than half the claim time");
    }

    /** Which of the batch's mail recipients bounced before: one query, not one a message. */
    private Set<String> bounced(List<Object[]> rows) {
        List<String> addresses = rows.stream().filter(r -> Channel.MAIL.name().equals(r[1])).map(r -> (String) r[2])
                .distinct().toList();
        return outbox.bounced(addresses);
    }

    /** True when the server took the message; a failure is written at once. */
    private boolean deliver(String claimant, Object[] row, Set<String> bounced) {
        long id = ((Number) row[0]).longValue();
        Channel channel = Channel.valueOf((String) row[1]);
        String recipient = (String) row[2];
        int attempts = ((Number) row[5]).intValue();
        try {
            if (channel == Channel.MAIL) {
                if (bounced.contains(recipient.strip())) {
                    throw new DeliveryFailure("the address bounced before; not tried", true, null);
                }
                mail.send("<outbox-" + id + "@" + mailDomain + ">", recipient, (String) row[3], (String) row[4]);
            } else {
                sms.send(recipient, (String) row[4]);
            }
            return true;
        } catch (DeliveryFailure failure) {
            failed(claimant, id, channel, recipient, attempts, failure);
        } catch (RuntimeException e) {
            failed(claimant, id, channel, recipient, attempts, new DeliveryFailure("unexpected: " + e, false, e));
        }
        return false;
    }

    /**
     * Marks what the servers took as sent, a few at a time: a commit per message would cost more than the SMTP
     * conversation. A crash before this commit sends those few again after the claim runs out (same Message-ID).
     */
    private void settleSent(String claimant, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        int settled = inTransaction(() -> em.createNativeQuery("update outbox_message set state = 'SENT', sent_at = ?1,"
                        + " last_error = null, claimed_by = null, claimed_until = null where claimed_by = ?2 and id in (" + in + ")")
                .setParameter(1, utc(clock.instant())).setParameter(2, claimant).executeUpdate()).orElse(0);
        if (settled != ids.size()) {
            LOG.warning(() -> (ids.size() - settled) + " of outbox messages " + in
                    + " were no longer claimed by this node when they were marked sent");
        }
        ids.clear();
    }

    private void failed(String claimant, long id, Channel channel, String recipient, int attempts, DeliveryFailure failure) {
        String error = failure.getMessage().length() > 500 ? failure.getMessage().substring(0, 500) : failure.getMessage();
        Optional<Duration> wait = failure.isPermanent() ? Optional.empty() : backoff.after(attempts);
        LOG.log(wait.isPresent() ? Level.INFO : Level.WARNING, () -> channel + " message " + id + " attempt " + attempts
                + (wait.isPresent() ? " failed, next in " + wait.get() : " failed for good") + ": " + error);
        if (wait.isPresent()) {
            settle(claimant, id, "next_attempt_at = ?3, last_error = ?4", utc(clock.instant().plus(wait.get())), error);
        } else {
            settle(claimant, id, "state = 'FAILED', last_error = ?3", error);
            if (channel == Channel.MAIL && failure.isPermanent() && !outbox.bounced(recipient)) {
                inTransaction(() -> {
                    em.createNativeQuery("insert into mail_bounce (address, bounced_at, reason) values (?1, ?2, ?3)"
                                    + " on duplicate key update bounced_at = bounced_at")
                            .setParameter(1, recipient).setParameter(2, utc(clock.instant())).setParameter(3, error).executeUpdate();
                    audit.record("system", "MAIL_BOUNCED", "outbox:" + id, recipient + ": " + error);
                    return true;
                });
            }
        }
    }

    /**
     * Writes the outcome and lets go of the claim, but only while the claim is this node's: a claim that ran out
     * meanwhile may belong to another node now, whose outcome is the one that counts.
     */
    private void settle(String claimant, long id, String set, Object... values) {
        boolean ours = inTransaction(() -> {
            var update = em.createNativeQuery("update outbox_message set " + set + ", claimed_by = null, claimed_until = null"
                    + " where id = ?1 and claimed_by = ?2").setParameter(1, id).setParameter(2, claimant);
            for (int i = 0; i < values.length; i++) {
                update.setParameter(i + 3, values[i]);
            }
            return update.executeUpdate() == 1;
        }).orElse(false);
        if (!ours) {
            LOG.warning(() -> "Outbox message " + id + " was no longer claimed by this node when its outcome was written");
        }
    }

    /** Runs {@code work} in a transaction of its own; empty when it could not commit (the database away). */
    private <T> Optional<T> inTransaction(java.util.function.Supplier<T> work) {
        try {
            transaction.begin();
            T result = work.get();
            transaction.commit();
            return Optional.ofNullable(result);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Outbox update not committed", e);
            rollBack();
            return Optional.empty();
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not roll back an outbox update", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** This node and the batch: a claim's rows are read back, and settled, by this name alone. */
    private String claimant() {
        return node + "#" + claims.incrementAndGet();
    }

    private static String node() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        // Room for "#" and the batch number within the column's 64 characters.
        String id = host + "/" + UUID.randomUUID();
        return id.length() <= 44 ? id : id.substring(id.length() - 44);
    }
}
