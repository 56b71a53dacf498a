package app.laurel.notification.triggers;

import app.laurel.contest.ContestUnit;
import app.laurel.notification.BulkOutbox;
import app.laurel.notification.Outbox;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.i18n.Messages;
import app.laurel.publication.Certificate;
import app.laurel.publication.CertificateIssued;
import app.laurel.publication.Notice;
import app.laurel.publication.NoticePublished;
import app.laurel.publication.Objection;
import app.laurel.publication.ObjectionDecided;
import app.laurel.publication.ObjectionFiled;
import app.laurel.publication.ObjectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Messages of the 公示 and 颁奖 stages: a notice published (to the administrators of every enrolled unit and to
 * everyone who entered, in bulk), an objection's receipt and its outcome (to the objector, who has no account:
 * by SMS to the phone the form requires, and by mail when the optional contact is an address), and a certificate
 * ready for its winner.
 */
@ApplicationScoped
public class PublicationMessages {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private BulkOutbox bulk;

    @Inject
    private Recipients recipients;

    @Inject
    private LaurelConfig config;

    void published(@Observes NoticePublished event) {
        Notice notice = em.find(Notice.class, event.noticeId());
        List<Long> units = notice.getContest().getUnits().stream().map(ContestUnit::getUnit).map(u -> u.getId()).toList();
        Set<Long> accounts = new LinkedHashSet<>();
        recipients.unitAdmins(units).values().forEach(accounts::addAll);
        accounts.addAll(recipients.entrants(notice.getContest().getId()));
        bulk.toAccounts(accounts, "noticePublished", "notice:" + notice.getId(), notice.getContest().getTitle(),
                notice.getTitle(), Recipients.when(notice.getEndsAt()),
                config.publicUrl().orElse("") + "/n/" + notice.getShortCode());
    }

    void filed(@Observes ObjectionFiled event) {
        Objection objection = em.find(Objection.class, event.objectionId());
        toObjector(objection, "objectionReceived", "objection:" + objection.getId(), null);
    }

    void decided(@Observes ObjectionDecided event) {
        Objection objection = em.find(Objection.class, event.objectionId());
        boolean upheld = objection.getStatus() == ObjectionStatus.UPHELD;
        toObjector(objection, upheld ? "objectionUpheld" : "objectionDismissed", "objection:" + objection.getId() + ":decided",
                Objects.toString(objection.getReply(), ""));
    }

    void issued(@Observes CertificateIssued event) {
        Certificate certificate = em.find(Certificate.class, event.certificateId());
        outbox.toAccount(certificate.getEntry().getOwner().getId(), "certificateReady", "certificate:" + certificate.getSerial(),
                certificate.getContest().getTitle(), certificate.getWork(), certificate.getAward(), certificate.getSerial());
    }

    private void toObjector(Objection objection, String template, String key, String reply) {
        String contact = objection.getContact() == null ? "" : objection.getContact().strip();
        outbox.toAddress(EMAIL.matcher(contact).matches() ? contact : null, objection.getPhone(), Messages.CHINESE,
                template, key, objection.getNotice().getContest().getTitle(), objection.getReceiptNo(),
                reply == null ? "" : reply);
    }
}
