package app.laurel.notification;

import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One's own messages and how one wants to receive them: the message page, the bell and /api/v1/messages call these
 * methods. Everything is the caller's own: no method takes an account.
 */
@Stateless
@RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
public class MessageService {

    /** The list shows this many, newest first; older ones stay stored. */
    public static final int LIST_SIZE = 100;

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Outbox outbox;

    @Inject
    private Versions versions;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public List<InboxMessage> mine() {
        return em.createQuery("select m from InboxMessage m where m.accountId = :me order by m.id desc", InboxMessage.class)
                .setParameter("me", me().getId()).setMaxResults(LIST_SIZE).getResultList();
    }

    /** The bell: one indexed count, found by the username so that it costs a single statement per page. */
    public long unread() {
        return ((Number) em.createNativeQuery("select count(*) from inbox_message m join account a on a.id = m.account_id"
                + " where a.username = ?1 and m.read_at is null").setParameter(1, caller.name()).getSingleResult()).longValue();
    }

    /** Marks one of one's own messages read; someone else's is "not found", as if it did not exist. */
    public void markRead(long messageId) {
        long me = me().getId();
        int changed = em.createNativeQuery("update inbox_message set read_at = ?1 where id = ?2 and account_id = ?3 and read_at is null")
                .setParameter(1, now()).setParameter(2, messageId).setParameter(3, me).executeUpdate();
        if (changed == 0 && ((Number) em.createNativeQuery("select count(*) from inbox_message where id = ?1 and account_id = ?2")
                .setParameter(1, messageId).setParameter(2, me).getSingleResult()).longValue() == 0) {
            throw LaurelException.notFound("notify.message.notFound");
        }
    }

    public int markAllRead() {
        return em.createNativeQuery("update inbox_message set read_at = ?1 where account_id = ?2 and read_at is null")
                .setParameter(1, now()).setParameter(2, me().getId()).executeUpdate();
    }

    public MessagePreferences preferences() {
        return view(me(), null);
    }

    /**
     * Changes how one is told. {@code version} is the one the caller's screen showed (null: not checked), so a save
     * from a stale tab does not silently undo a newer choice.
     */
    public MessagePreferences change(boolean mail, boolean sms, String language, Long version) {
        if (!NotificationPreference.CHINESE.equals(language) && !NotificationPreference.ENGLISH.equals(language)) {
            throw InvalidInputException.of("language", "notify.prefs.language.invalid");
        }
        Account me = me();
        NotificationPreference stored = em.find(NotificationPreference.class, me.getId());
        NotificationPreference preference = stored != null ? stored : new NotificationPreference(me.getId());
        versions.expect(preference.getVersion(), version, "notify-prefs:" + me.getId(), () -> differences(preference, mail, sms, language));
        preference.change(mail, sms, language);
        if (stored == null) {
            em.persist(preference);
        }
        audit.record(caller.name(), "NOTIFY_PREFERENCES", "notify-prefs:" + me.getId(),
                "mail=" + mail + " sms=" + sms + " language=" + language);
        em.flush();
        return view(me, preference);
    }

    /** The person says their mailbox works again: the bounce is forgotten and mail is sent to it again. */
    public MessagePreferences mailWorksAgain() {
        Account me = me();
        if (me.getEmail() != null && em.createNativeQuery("delete from mail_bounce where address = ?1")
                .setParameter(1, me.getEmail().strip()).executeUpdate() > 0) {
            audit.record(caller.name(), "MAIL_BOUNCE_CLEARED", "account:" + me.getId(), me.getEmail());
        }
        return view(me, null);
    }

    private MessagePreferences view(Account me, NotificationPreference known) {
        NotificationPreference preference = known != null ? known : outbox.preference(me.getId());
        java.time.Instant bouncedAt = null;
        if (me.getEmail() != null && !me.getEmail().isBlank()) {
            List<?> bounce = em.createNativeQuery("select bounced_at from mail_bounce where address = ?1")
                    .setParameter(1, me.getEmail().strip()).getResultList();
            if (!bounce.isEmpty()) {
                Object at = bounce.get(0);
                // The driver answers LocalDateTime or Timestamp depending on its version; both hold UTC here.
                bouncedAt = (at instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) at).toInstant(ZoneOffset.UTC);
            }
        }
        return new MessagePreferences(preference.isMailEnabled(), preference.isSmsEnabled(), preference.getLanguage(),
                preference.getVersion(), me.getEmail(), me.getPhone(), bouncedAt);
    }

    private static List<String> differences(NotificationPreference stored, boolean mail, boolean sms, String language) {
        List<String> fields = new ArrayList<>();
        if (stored.isMailEnabled() != mail) {
            fields.add("mail");
        }
        if (stored.isSmsEnabled() != sms) {
            fields.add("sms");
        }
        if (!stored.getLanguage().equals(language)) {
            fields.add("language");
        }
        return fields;
    }

    private Account me() {
        return accounts.byUsername(caller.name()).orElseThrow(() -> LaurelException.notFound("account.notFound"));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
