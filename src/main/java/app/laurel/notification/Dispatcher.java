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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox every {@code laurel.notify.dispatch-every}. Each due row is first CLAIMED by a guarded UPDATE in
 * its own short transaction: only the node whose UPDATE changed the row (still pending, due, not claimed by anyone
 * whose claim is still running) sends it, so two nodes, or a node and its restarted self, never both send one row.
 * The claim is committed before the SMTP or SMS conversation starts, so no database lock is held while a slow
 * gateway answers; the outcome (sent, or the next attempt after {@link Backoff}, or given up) is written in a second
 * short transaction, guarded by the claim.
 * <p>
 * If the process dies after the server accepted a message (SMTP 250, gateway 2xx) but before "sent" committed, the
 * row stays pending under a claim that runs out after {@code laurel.notify.claim}; then it is sent again. That is the
 * least bad of the two answers: the alternative (marking "sending" and never retrying an unknown outcome) silently
 * loses the message, and a lost 退回修改 or reminder costs the person more than a rare second copy, which the window
 * of milliseconds makes rare. A second mail carries the same Message-ID, so mail clients that collapse duplicates
 * show it once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final int BATCH = 50;
    private static final int BATCHES_PER_ROUND = 20;

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
            for (int batch = 0; batch < BATCHES_PER_ROUND; batch++) {
                List<Long> due = due();
                for (long id : due) {
                    if (claim(id)) {
                        deliver(id);
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification dispatch stopped for this round (database away?)", e);
        } finally {
            mail.close();
            running.set(false);
        }
    }

    private List<Long> due() {
        LocalDateTime now = utc(clock.instant());
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from outbox_message where state = 'PENDING' and next_attempt_at <= ?1"
                        + " and (claimed_until is null or claimed_until < ?1) order by next_attempt_at, id")
                .setParameter(1, now).setMaxResults(BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** True when this node now holds the row: the guarded UPDATE changed it, so no other node did. */
    private boolean claim(long id) {
        Instant now = clock.instant();
        return inTransaction(() -> em.createNativeQuery("update outbox_message set claimed_by = ?1, claimed_until = ?2,"
                        + " attempts = attempts + 1 where id = ?3 and state = 'PENDING' and next_attempt_at <= ?4"
                        + " and (claimed_until is null or claimed_until < ?4)")
                .setParameter(1, node).setParameter(2, utc(now.plus(claim))).setParameter(3, id).setParameter(4, utc(now))
                .executeUpdate() == 1).orElse(false);
    }

    private void deliver(long id) {
        Object[] row = (Object[]) em.createNativeQuery("select channel, recipient, subject, body, attempts from outbox_message where id = ?1")
                .setParameter(1, id).getSingleResult();
        Channel channel = Channel.valueOf((String) row[0]);
        String recipient = (String) row[1];
        int attempts = ((Number) row[4]).intValue();
        try {
            if (channel == Channel.MAIL) {
                if (outbox.bounced(recipient)) {
                    throw new DeliveryFailure("the address bounced before; not tried", true, null);
                }
                mail.send("<outbox-" + id + "@" + mailDomain + ">", recipient, (String) row[2], (String) row[3]);
            } else {
                sms.send(recipient, (String) row[3]);
            }
            settle(id, "state = 'SENT', sent_at = ?3, last_error = null", utc(clock.instant()));
        } catch (DeliveryFailure failure) {
            failed(id, channel, recipient, attempts, failure);
        } catch (RuntimeException e) {
            failed(id, channel, recipient, attempts, new DeliveryFailure("unexpected: " + e, false, e));
        }
    }

    private void failed(long id, Channel channel, String recipient, int attempts, DeliveryFailure failure) {
        String error = failure.getMessage().length() > 500 ? failure.getMessage().substring(0, 500) : failure.getMessage();
        Optional<Duration> wait = failure.isPermanent() ? Optional.empty() : backoff.after(attempts);
        LOG.log(wait.isPresent() ? Level.INFO : Level.WARNING, () -> channel + " message " + id + " attempt " + attempts
                + (wait.isPresent() ? " failed, next in " + wait.get() : " failed for good") + ": " + error);
        if (wait.isPresent()) {
            settle(id, "next_attempt_at = ?3, last_error = ?4", utc(clock.instant().plus(wait.get())), error);
        } else {
            settle(id, "state = 'FAILED', last_error = ?3", error);
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
    private void settle(long id, String set, Object... values) {
        boolean ours = inTransaction(() -> {
            var update = em.createNativeQuery("update outbox_message set " + set + ", claimed_by = null, claimed_until = null"
                    + " where id = ?1 and claimed_by = ?2").setParameter(1, id).setParameter(2, node);
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

    private static String node() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + "/" + UUID.randomUUID();
        return id.length() <= 64 ? id : id.substring(id.length() - 64);
    }
}
