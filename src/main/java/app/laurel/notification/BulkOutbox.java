package app.laurel.notification;

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
import java.util.stream.Collectors;

/**
 * {@link Outbox#toAccount} for one message to many accounts at once (a notice published to 40,000 entrants): the
 * same rows, the same rules (mail only where the preference allows it and the address has not bounced, SMS where
 * allowed, always the in-app copy, each in the account's language, nothing again for an account that already has
 * this template and key), but written set-wise with INSERT … SELECT, a thousand accounts a statement, inside the
 * caller's transaction. Queueing one by one would cost six statements an account and hold the publishing
 * transaction for minutes; this costs six statements a thousand accounts. Every recipient gets the same text, so
 * it is rendered once per language.
 */
@ApplicationScoped
public class BulkOutbox {

    private static final int CHUNK = 1000;
    private static final String ACCOUNTS = " from account a left join notification_preference p on p.account_id = a.id"
            + " where a.id in (%s) and coalesce(p.language, '" + NotificationPreference.CHINESE + "') = ?1";
    private static final String NOT_YET = " and not exists (select 1 from inbox_message i where i.account_id = a.id"
            + " and i.template = ?2 and i.idem_key = ?3)";

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Queues the message to every account in {@code accountIds} (unknown ids are skipped); see {@link Outbox#toAccount}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toAccounts(Collection<Long> accountIds, String template, String key, Object... args) {
        Templates.require(template);
        Outbox.requireKey(key);
        List<Long> ids = accountIds.stream().distinct().sorted().toList();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String language : List.of(NotificationPreference.CHINESE, NotificationPreference.ENGLISH)) {
            Templates.Rendered text = Templates.render(template, Locale.forLanguageTag(language), args);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                String in = ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream().map(String::valueOf)
                        .collect(Collectors.joining(","));
                queue(in, language, template, key, text, now);
            }
        }
    }

    private void queue(String in, String language, String template, String key, Templates.Rendered text, LocalDateTime now) {
        // The outbox first: once the in-app copy exists, an account counts as told (as in Outbox.toAccount).
        String outbox = "insert into outbox_message (channel, addressee, recipient, account_id, template, idem_key, subject,"
                + " body, state, attempts, next_attempt_at, created_at)"
                + " select '%s', concat('account:', a.id), trim(a.%s), a.id, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6"
                + ACCOUNTS + " and coalesce(p.%s, true) and a.%s is not null and trim(a.%s) <> ''%s" + NOT_YET
                + " on duplicate key update outbox_message.id = outbox_message.id";
        em.createNativeQuery(outbox.formatted(Channel.MAIL.name(), "email", in, "mail_enabled", "email", "email",
                        " and not exists (select 1 from mail_bounce b where b.address = trim(a.email))"))
                .setParameter(1, language).setParameter(2, template).setParameter(3, key)
                .setParameter(4, Outbox.clip(text.subject(), 200)).setParameter(5, Outbox.clip(text.body(), 4000)).setParameter(6, now)
                .executeUpdate();
        em.createNativeQuery(outbox.formatted(Channel.SMS.name(), "phone", in, "sms_enabled", "phone", "phone", ""))
                .setParameter(1, language).setParameter(2, template).setParameter(3, key)
                .setParameter(4, null).setParameter(5, Outbox.clip(text.sms(), 4000)).setParameter(6, now)
                .executeUpdate();
        em.createNativeQuery(("insert into inbox_message (account_id, template, idem_key, subject, body, created_at)"
                        + " select a.id, ?2, ?3, ?4, ?5, ?6" + ACCOUNTS
                        + " on duplicate key update inbox_message.id = inbox_message.id").formatted(in))
                .setParameter(1, language).setParameter(2, template).setParameter(3, key)
                .setParameter(4, Outbox.clip(text.subject(), 200)).setParameter(5, Outbox.clip(text.body(), 4000)).setParameter(6, now)
                .executeUpdate();
    }
}
