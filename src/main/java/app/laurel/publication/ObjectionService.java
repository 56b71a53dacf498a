package app.laurel.publication;

import app.laurel.identity.Roles;
import app.laurel.judging.FrozenRanking;
import app.laurel.judging.RoundEntry;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;
import app.laurel.storage.StoredFile;
import app.laurel.storage.UploadService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Objections (异议) to a public notice: filed by anyone during the period, in writing under a real name, with a
 * receipt; limited per phone number and per address so that a notice cannot be flooded; seen and decided only by
 * organisers. Upholding one disqualifies the entry and promotes the next of the round's frozen ranking, with a
 * dated correction (更正) on the notice.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ObjectionService {

    private static final int MAX_EVIDENCE_FILES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(Clocks.ZONE);

    /** An evidence file as it arrives with the form. */
    public record Evidence(String fileName, long length, InputStream content) {
    }

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private NoticeService notices;

    @Inject
    private UploadService uploads;

    @Inject
    private LaurelConfig config;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<ObjectionFiled> filed;

    @Inject
    private Event<ObjectionDecided> decided;

    /**
     * Files an objection; everything about it is checked before any evidence is stored, and stored evidence is
     * removed again (with the rolled-back transaction) if the objection is refused after all, so a refusal leaves
     * nothing behind.
     */
    @PermitAll
    public Objection file(String shortCode, ObjectionForm form, List<Evidence> evidence, String clientIp) {
        // Locked so that the limits below are counted and kept in one step, also under parallel requests.
        Notice notice = em.find(Notice.class, notices.published(shortCode).getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        notice.requireOpenForObjections(now);
        var errors = form.check();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        NoticeEntry target = notice.listed().stream().filter(e -> e.getCode().equals(form.entryCode().strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("entry", "objection.unknownEntry"));
        if (evidence.size() > MAX_EVIDENCE_FILES) {
            throw InvalidInputException.of("evidence", "objection.tooManyFiles", MAX_EVIDENCE_FILES);
        }
        long byPhone = em.createQuery("select count(o) from Objection o where o.notice = :notice and o.phone = :phone", Long.class)
                .setParameter("notice", notice).setParameter("phone", form.phone().strip()).getSingleResult();
        if (byPhone >= config.objectionsPerPhone()) {
            // A cap per notice that never lifts, so not "try again later" (429) but a refusal (409).
            throw LaurelException.conflict("objection.perPhone", config.objectionsPerPhone());
        }
        long byAddress = em.createQuery("select count(o) from Objection o where o.clientIp = :ip and o.createdAt > :since", Long.class)
                .setParameter("ip", clientIp).setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (byAddress >= config.objectionsPerIpHour()) {
            // The first argument is what the API sends as Retry-After: the window is an hour.
            throw LaurelException.tooMany("objection.perAddress", 3600);
        }
        // A refusal from here on rolls back, and storage removes the files stored so far with the transaction.
        List<StoredFile> stored = new ArrayList<>();
        for (Evidence file : evidence) {
            stored.add(uploads.storeEvidence(file.fileName(), file.length(), file.content()));
        }
        Objection objection = new Objection(notice, target.getEntry(), receiptNo(now), form, clientIp, stored, now);
        em.persist(objection);
        em.flush();
        audit.record("public", "OBJECTION_FILED", "notice:" + notice.getId(), objection.getReceiptNo() + " " + target.getCode());
        filed.fire(new ObjectionFiled(objection.getId()));
        return objection;
    }

    public List<Objection> objections(long noticeId) {
        return em.createNamedQuery("Objection.byNotice", Objection.class).setParameter("notice", notices.notice(noticeId))
                .getResultList();
    }

    /** Dismissed, with the investigation recorded and the reply the objector will be given. */
    public Objection dismiss(long objectionId, String investigation, String reply) {
        Objection objection = locked(objectionId);
        objection.decide(ObjectionStatus.DISMISSED, required("investigation", investigation), required("reply", reply),
                caller.name(), clock.instant());
        audit.record(caller.name(), "OBJECTION_DISMISSED", "objection:" + objectionId, objection.getReceiptNo());
        decided.fire(new ObjectionDecided(objectionId));
        return objection;
    }

    /**
     * Upheld: the entry is disqualified, the best-ranked entry of the round's frozen ranking not yet on the notice
     * is promoted, and the notice carries a dated correction saying both.
     */
    public Objection uphold(long objectionId, String investigation) {
        Objection found = em.find(Objection.class, objectionId);
        if (found == null) {
            throw LaurelException.notFound("objection.notFound");
        }
        // The notice first, then the objection: the order every change to a notice takes.
        Notice notice = em.find(Notice.class, found.getNotice().getId(), LockModeType.PESSIMISTIC_WRITE);
        Objection objection = locked(objectionId);
        String why = required("investigation", investigation);
        Instant now = clock.instant();
        objection.decide(ObjectionStatus.UPHELD, why, null, caller.name(), now);
        NoticeEntry listed = notice.listed().stream().filter(e -> e.getEntry().getId().equals(objection.getEntry().getId()))
                .findFirst().orElseThrow(() -> LaurelException.conflict("objection.notListed"));
        Set<String> onNotice = new HashSet<>();
        notice.getEntries().forEach(e -> onNotice.add(e.getCode()));
        Map<String, RoundEntry> byCode = new HashMap<>();
        em.createQuery("select re from RoundEntry re where re.round = :round", RoundEntry.class)
                .setParameter("round", notice.getRound()).getResultList().forEach(re -> byCode.put(re.getCode(), re));
        FrozenRanking.Line next = FrozenRanking.read(notice.getRound().getRankingJson()).stream()
                .filter(l -> !onNotice.contains(l.code()) && byCode.get(l.code()).getEntry().isInJudgingPool())
                .findFirst().orElse(null);
        String date = DateTimeFormatter.ofPattern(Messages.text(Messages.CHINESE, "notice.datePattern")).withZone(Clocks.ZONE).format(now);
        String correction = next == null
                ? Messages.text(Messages.CHINESE, "notice.correction.none", date, listed.getEntry().getTitle())
                : Messages.text(Messages.CHINESE, "notice.correction", date, listed.getEntry().getTitle(), next.rank(),
                byCode.get(next.code()).getEntry().getTitle());
        listed.getEntry().disqualify(Messages.text(Messages.CHINESE, "objection.upheldReason", objection.getReceiptNo()), now);
        notice.disqualify(listed, next == null ? null : byCode.get(next.code()).getEntry(), next == null ? null : next.code(),
                next == null ? 0 : next.rank(), correction, now);
        audit.record(caller.name(), "OBJECTION_UPHELD", "objection:" + objectionId, objection.getReceiptNo() + " " + listed.getCode()
                + (next == null ? "" : " → " + next.code()) + ": " + why);
        decided.fire(new ObjectionDecided(objectionId));
        return objection;
    }

    /** What the objector may learn with their receipt number and phone: the status and, once dismissed, the reply. */
    @PermitAll
    public Objection lookUp(String receiptNo, String phone) {
        return em.createQuery("select o from Objection o where o.receiptNo = :receipt and o.phone = :phone", Objection.class)
                .setParameter("receipt", receiptNo == null ? "" : receiptNo.strip())
                .setParameter("phone", phone == null ? "" : phone.strip()).getResultStream().findFirst()
                .orElseThrow(() -> LaurelException.notFound("objection.notFound"));
    }

    private Objection locked(long objectionId) {
        Objection objection = em.find(Objection.class, objectionId, LockModeType.PESSIMISTIC_WRITE);
        if (objection == null) {
            throw LaurelException.notFound("objection.notFound");
        }
        return objection;
    }

    private static String required(String field, String text) {
        if (text == null || text.isBlank() || text.strip().length() > 5000) {
            throw InvalidInputException.of(field, "validation.length", 1, 5000);
        }
        return text.strip();
    }

    /** YY + date + six random characters: tells the objector when it was filed, tells others nothing. */
    private static String receiptNo(Instant now) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder("YY").append(RECEIPT_DATE.format(now)).append('-');
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
