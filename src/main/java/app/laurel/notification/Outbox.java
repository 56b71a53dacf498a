package app.laurel.notification;

import app.laurel.identity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where features hand over a message. Queueing only writes rows, in the caller's transaction: the message exists
 * exactly when the action that caused it committed, and a mail server that is down cannot slow or fail the action.
 * The {@code key} names the occasion (e.g. {@code entry:42:v1}); queueing the same template with the same key to the
 * same person again stores nothing, so an event observed twice, or a retried action, does not message twice.
 * Rows are inserted with {@code ON DUPLICATE KEY UPDATE}, so two transactions racing with the same key do not fail
 * either action: the second waits for the first and then stores nothing.
 */
@ApplicationScoped
public class Outbox {

    private static final String IGNORE_DUPLICATE = " on duplicate key update id = id";

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Queues a message to an account: mail and/or SMS as the account's preferences and addresses allow (not to an
     * address that bounced), and always the in-app message, all in the account's chosen language.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toAccount(long accountId, String template, String key, Object... args) {
        Templates.require(template);
        requireKey(key);
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        NotificationPreference preference = preference(accountId);
        Templates.Rendered text = Templates.render(template, preference.locale(), args);
        if (em.createNativeQuery("select count(*) from inbox_message where account_id = ?1 and template = ?2 and idem_key = ?3")
                .setParameter(1, accountId).setParameter(2, template).setParameter(3, key)
                .getSingleResult() instanceof Number n && n.longValue() > 0) {
            return;
        }
        em.createNativeQuery("insert into inbox_message (account_id, template, idem_key, subject, body, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)" + IGNORE_DUPLICATE)
                .setParameter(1, accountId).setParameter(2, template).setParameter(3, key)
                .setParameter(4, clip(text.subject(), 200)).setParameter(5, clip(text.body(), 4000)).setParameter(6, now())
                .executeUpdate();
        String addressee = "account:" + accountId;
        if (preference.isMailEnabled() && present(account.getEmail()) && !bounced(account.getEmail())) {
            queue(Channel.MAIL, addressee, account.getEmail().strip(), accountId, template, key, text);
        }
        if (preference.isSmsEnabled() && present(account.getPhone())) {
            queue(Channel.SMS, addressee, account.getPhone().strip(), accountId, template, key, text);
        }
    }

    /**
     * Queues a message to someone without an account (an objector, an entrant known by phone): mail and/or SMS to
     * whichever address is given, in {@code locale}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toAddress(String email, String phone, Locale locale, String template, String key, Object... args) {
        Templates.require(template);
        requireKey(key);
        Templates.Rendered text = Templates.render(template, locale, args);
        if (present(email) && !bounced(email)) {
            queue(Channel.MAIL, email.strip(), email.strip(), null, template, key, text);
        }
        if (present(phone)) {
            queue(Channel.SMS, phone.strip(), phone.strip(), null, template, key, text);
        }
    }

    /** The account's preference, or the defaults (not stored) when it never chose. */
    NotificationPreference preference(long accountId) {
        NotificationPreference stored = em.find(NotificationPreference.class, accountId);
        return stored != null ? stored : new NotificationPreference(accountId);
    }

    boolean bounced(String email) {
        return em.createNativeQuery("select count(*) from mail_bounce where address = ?1").setParameter(1, email.strip())
                .getSingleResult() instanceof Number n && n.longValue() > 0;
    }

    /** Which of {@code emails} bounced before, as stripped addresses: one statement for a dispatcher's batch. */
    Set<String> bounced(Collection<String> emails) {
        List<String> addresses = emails.stream().map(String::strip).distinct().toList();
        if (addresses.isEmpty()) {
            return Set.of();
        }
        var query = em.createNativeQuery("select address from mail_bounce where address in ("
                + IntStream.rangeClosed(1, addresses.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", ")) + ")");
        for (int i = 0; i < addresses.size(); i++) {
            query.setParameter(i + 1, addresses.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> found = query.getResultList();
        return Set.copyOf(found);
    }

    private void queue(Channel channel, String addressee, String recipient, Long accountId, String template, String key,
                       Templates.Rendered text) {
        LocalDateTime now = now();
        em.createNativeQuery("insert into outbox_message (channel, addressee, recipient, account_id, template, idem_key,"
                        + " subject, body, state, attempts, next_attempt_at, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?9)" + IGNORE_DUPLICATE)
                .setParameter(1, channel.name()).setParameter(2, clip(addressee, 110)).setParameter(3, clip(recipient, 100))
                .setParameter(4, accountId).setParameter(5, template).setParameter(6, key)
                .setParameter(7, channel == Channel.MAIL ? clip(text.subject(), 200) : null)
                .setParameter(8, clip(channel == Channel.MAIL ? text.body() : text.sms(), 4000)).setParameter(9, now)
                .executeUpdate();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The key rule every queueing path applies (also {@link BulkOutbox}). */
    static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 128) {
            throw new IllegalArgumentException("a notification needs a key of 1 to 128 characters: " + key);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Cuts a text to its column, marking the cut; shared with {@link BulkOutbox}. */
    static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
