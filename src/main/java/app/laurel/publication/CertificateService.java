package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.identity.Unit;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;
import app.laurel.storage.FileStore;
import app.laurel.storage.StoredFile;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Honour certificates (荣誉证书): the contest's template, issuing one per winner under a serial that cannot be
 * guessed, the PDF (rendered on demand from what was issued, so it is always the same document), revocation,
 * and the public verification behind the QR code.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class CertificateService {

    /** Crockford's base32: no I, L, O or U to misread when typed from paper. */
    private static final String SERIAL_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private AccountRepository accounts;

    @Inject
    private FileStore store;

    @Inject
    private app.laurel.storage.UploadService uploads;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<CertificateIssued> issued;

    @Inject
    private Event<CertificateRevoked> revoked;

    /** The contest's template, or the standard one (not yet saved) for the organiser to start from. */
    public CertificateTemplate template(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        CertificateTemplate template = em.find(CertificateTemplate.class, contest.getId());
        if (template == null) {
            template = new CertificateTemplate(contest);
            template.update(Messages.text(Messages.CHINESE, "certificate.template.title"),
                    Messages.text(Messages.CHINESE, "certificate.template.body", contest.getTitle()),
                    Messages.text(Messages.CHINESE, "certificate.template.award"),
                    contest.getOrganisingBody() == null || contest.getOrganisingBody().isBlank()
                            ? Messages.text(Messages.CHINESE, "notice.template.contact") : contest.getOrganisingBody(),
                    LocalDate.now(clock.withZone(Clocks.ZONE)), null, clock.instant());
        }
        return template;
    }

    /** A seal image sent with the template form. */
    public record SealUpload(String fileName, long length, java.io.InputStream content) {
    }

    /**
     * Saves the template with a seal sent from the page: the seal is stored, and removed again if the template
     * is refused, so a refusal leaves no file behind.
     */
    public CertificateTemplate saveTemplate(String contestCode, String title, String body, String award, String issuer,
                                            LocalDate issuedOn, SealUpload upload) {
        StoredFile stored = uploads.storeWhole(upload.fileName(), upload.length(), upload.content());
        try {
            return saveTemplate(contestCode, title, body, award, issuer, issuedOn, stored.getId());
        } catch (RuntimeException refused) {
            uploads.discardEvidence(stored);
            throw refused;
        }
    }

    /** Saves the template after printing a sample with it, so a text the page cannot hold is refused now, not later. */
    public CertificateTemplate saveTemplate(String contestCode, String title, String body, String award, String issuer,
                                            LocalDate issuedOn, Long sealFileId) {
        Contest contest = contests.byCode(contestCode);
        CertificateTemplate template = em.find(CertificateTemplate.class, contest.getId());
        boolean fresh = template == null;
        if (fresh) {
            template = new CertificateTemplate(contest);
        }
        StoredFile seal = sealFileId == null ? null : em.find(StoredFile.class, sealFileId);
        if (sealFileId != null && seal == null) {
            throw InvalidInputException.of("seal", "file.notFound");
        }
        template.update(title, body, award, issuer, issuedOn, seal, clock.instant());
        render(template.getTitle(), template.getBody(), Messages.text(Messages.CHINESE, "certificate.sample.holder"),
                Messages.text(Messages.CHINESE, "certificate.sample.work"), template.getAward(), template.getIssuer(),
                template.getIssuedOn(), contestCode + "-SAMPLE", "https://laurel.invalid", seal(template.getSeal()));
        if (fresh) {
            em.persist(template);
        }
        audit.record(caller.name(), "CERTIFICATE_TEMPLATE_SAVED", "contest:" + contestCode, null);
        return template;
    }

    /** The template filled with a sample holder, to see the layout before issuing. */
    public byte[] preview(String contestCode, String baseUrl) {
        CertificateTemplate template = template(contestCode);
        String holder = Messages.text(Messages.CHINESE, "certificate.sample.holder");
        String work = Messages.text(Messages.CHINESE, "certificate.sample.work");
        return render(template.getTitle(), template.getBody(), holder, work, template.getAward(), template.getIssuer(),
                template.getIssuedOn(), contestCode + "-SAMPLE", baseUrl, seal(template.getSeal()));
    }

    /**
     * The preview as a picture for the template page (the seal over the issuer, as it will print); the same
     * document as {@link #preview}, drawn at screen size.
     */
    public byte[] previewPicture(String contestCode, String baseUrl) {
        return CertificateRenderer.picture(preview(contestCode, baseUrl));
    }

    /** Whether the template's seal will let the issuer show through; null when there is no seal. */
    public SealImage.Verdict sealCheck(String contestCode) {
        CertificateTemplate template = em.find(CertificateTemplate.class, contests.byCode(contestCode).getId());
        return template == null || template.getSeal() == null ? null : SealImage.check(seal(template.getSeal()));
    }

    /** One certificate for every winner who has none yet; returns the contest's certificates. */
    public List<Certificate> issue(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        CertificateTemplate template = em.find(CertificateTemplate.class, contest.getId());
        if (template == null) {
            throw LaurelException.conflict("certificate.noTemplate");
        }
        List<Entry> winners = em.createQuery("select e from Entry e where e.contest = :contest and e.status = :status"
                        + " and not exists (select c from Certificate c where c.entry = e) order by e.receiptNo", Entry.class)
                .setParameter("contest", contest).setParameter("status", EntryStatus.WINNER).getResultList();
        if (winners.isEmpty() && certificates(contestCode).isEmpty()) {
            throw LaurelException.conflict("certificate.noWinners");
        }
        List<Certificate> fresh = new java.util.ArrayList<>();
        for (Entry winner : winners) {
            Certificate certificate = new Certificate(contest, winner, serial(contestCode), winner.getCreditedName(), template, clock.instant());
            // Printed once before it exists: a name the font cannot write is refused now, naming it, not at download.
            pdf(certificate, "https://laurel.invalid");
            em.persist(certificate);
            fresh.add(certificate);
        }
        em.flush(); // the new certificates' ids, for their events
        fresh.forEach(c -> issued.fire(new CertificateIssued(c.getId())));
        audit.record(caller.name(), "CERTIFICATES_ISSUED", "contest:" + contestCode, winners.size() + " issued");
        return certificates(contestCode);
    }

    public List<Certificate> certificates(String contestCode) {
        return em.createNamedQuery("Certificate.byContest", Certificate.class).setParameter("contest", contests.byCode(contestCode))
                .getResultList();
    }

    public Certificate revoke(String serial, String reason) {
        Certificate certificate = bySerial(serial);
        if (reason == null || reason.isBlank() || reason.strip().length() > 300) {
            throw InvalidInputException.of("reason", "validation.length", 1, 300);
        }
        certificate.revoke(reason.strip(), clock.instant());
        audit.record(caller.name(), "CERTIFICATE_REVOKED", "certificate:" + serial, reason.strip());
        revoked.fire(new CertificateRevoked(certificate.getId()));
        return certificate;
    }

    /** What the verification page shows; unknown serials are "not found", revoked ones say so. */
    @PermitAll
    public Certificate verify(String serial) {
        return bySerial(serial);
    }

    /** The certificates of the caller's own entries, or of their unit's entries for a unit administrator. */
    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public List<Certificate> mine() {
        Account me = accounts.byUsername(caller.name()).orElseThrow(() -> LaurelException.notFound("account.notFound"));
        Unit unit = session.isCallerInRole(Roles.UNIT_ADMIN) ? me.getUnit() : null;
        // The unit's condition only when there is a unit: EclipseLink cannot bind an entity to ":unit is not null".
        TypedQuery<Certificate> query = em.createQuery("select c from Certificate c where c.status = 'VALID' and (c.entry.owner = :me"
                + (unit == null ? "" : " or c.entry.unit = :unit or c.entry.township = :unit") + ") order by c.id", Certificate.class)
                .setParameter("me", me);
        if (unit != null) {
            query.setParameter("unit", unit);
        }
        return query.getResultList();
    }

    /** The PDF of a valid certificate, for organisers and for whoever {@link #mine} would list it for. */
    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.ORGANISER, Roles.ADMIN})
    public byte[] pdf(String serial, String baseUrl) {
        Certificate c = bySerial(serial);
        boolean organiser = session.isCallerInRole(Roles.ORGANISER) || session.isCallerInRole(Roles.ADMIN);
        if (!organiser && (!c.isValid() || mine().stream().noneMatch(m -> m.getId().equals(c.getId())))) {
            throw LaurelException.notFound("certificate.notFound");
        }
        return pdf(c, baseUrl);
    }

    private byte[] pdf(Certificate c, String baseUrl) {
        return render(c.getTitle(), c.getBody(), c.getHolder(), c.getWork(), c.getAward(), c.getIssuer(), c.getIssuedOn(),
                c.getSerial(), baseUrl, seal(c.getSeal()));
    }

    /** How many valid certificates a batch of the contest will hold. */
    public int validCount(String contestCode) {
        return em.createQuery("select count(c) from Certificate c where c.contest = :contest and c.status = 'VALID'", Long.class)
                .setParameter("contest", contests.byCode(contestCode)).getSingleResult().intValue();
    }

    /**
     * The next {@code size} valid certificates of the contest after id {@code after}, in id order, ready to render:
     * the columns only (not the entries behind them), so a batch reads 10,000 certificates a page at a time.
     */
    public List<CertificateZip.Item> batchPage(String contestCode, long after, int size, String baseUrl) {
        List<Object[]> rows = em.createQuery("select c.id, c.title, c.body, c.holder, c.work, c.award, c.issuer, c.issuedOn,"
                        + " c.serial, s.storedName from Certificate c left join c.seal s where c.contest = :contest"
                        + " and c.status = 'VALID' and c.id > :after order by c.id", Object[].class)
                .setParameter("contest", contests.byCode(contestCode)).setParameter("after", after).setMaxResults(size)
                .getResultList();
        Map<String, byte[]> seals = new java.util.HashMap<>();
        return rows.stream().map(r -> {
            String serial = (String) r[8];
            byte[] seal = r[9] == null ? null : seals.computeIfAbsent((String) r[9], this::sealBytes);
            return new CertificateZip.Item((Long) r[0], CertificateZip.fileName(serial, (String) r[3]),
                    content((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                            (LocalDate) r[7], serial, baseUrl, seal));
        }).toList();
    }

    private static CertificateContent content(String title, String body, String holder, String work, String award,
                                              String issuer, LocalDate date, String serial, String baseUrl, byte[] seal) {
        String dateText = CertificateRenderer.formatDate(date, Messages.CHINESE);
        String filled = CertificateRenderer.fill(body, Map.of("name", holder, "work", work, "award", award, "issuer", issuer,
                "date", dateText));
        return new CertificateContent(title, filled, holder, work, award, issuer, date, serial, baseUrl + "/verify/" + serial,
                seal, Messages.CHINESE);
    }

    private byte[] render(String title, String body, String holder, String work, String award, String issuer, LocalDate date,
                          String serial, String baseUrl, byte[] seal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CertificateRenderer.render(content(title, body, holder, work, award, issuer, date, serial, baseUrl, seal), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw refusal(e.getMessage() == null ? "" : e.getMessage());
        }
        return out.toByteArray();
    }

    /** The renderer's refusal as the organiser should read it: which field, and for a missing glyph which character. */
    private static InvalidInputException refusal(String reason) {
        java.util.regex.Matcher glyph = java.util.regex.Pattern.compile("no glyph for (\\S+) ").matcher(reason);
        if (glyph.find()) {
            return InvalidInputException.of("body", "certificate.missingGlyph", glyph.group(1));
        }
        if (reason.contains("issuer")) {
            return InvalidInputException.of("issuer", "certificate.issuerTooLong");
        }
        if (reason.contains("title")) {
            return InvalidInputException.of("title", "certificate.titleTooLong");
        }
        if (reason.contains("seal") || reason.contains("image")) {
            return InvalidInputException.of("seal", "certificate.sealPng");
        }
        return InvalidInputException.of("body", "certificate.tooLong");
    }

    private byte[] seal(StoredFile seal) {
        return seal == null ? null : sealBytes(seal.getStoredName());
    }

    private byte[] sealBytes(String storedName) {
        try {
            return Files.readAllBytes(store.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Certificate bySerial(String serial) {
        return em.createNamedQuery("Certificate.bySerial", Certificate.class).setParameter("serial", serial == null ? "" : serial.strip())
                .getResultStream().findFirst().orElseThrow(() -> LaurelException.notFound("certificate.notFound"));
    }

    /** Contest code and 60 random bits in three groups: HY2021-7KQ3-M9XA-2PLT. */
    private static String serial(String contestCode) {
        StringBuilder serial = new StringBuilder(contestCode);
        for (int i = 0; i < 12; i++) {
            serial.append(i % 4 == 0 ? "-" : "").append(SERIAL_ALPHABET.charAt(RANDOM.nextInt(SERIAL_ALPHABET.length())));
        }
        return serial.toString();
    }
}
