package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestAdminService;
import app.laurel.contest.ContestService;
import app.laurel.contest.ContestUnit;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileHealth;
import app.laurel.storage.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organiser's side of submissions: the screening list (资格审查) with its filters, accept / return / reject,
 * the quota board and near-duplicate flags. Every decision is audited. (A unit's deadline extension edits its
 * enrolment, so it is the contest's: {@link ContestAdminService#extendDeadline}.)
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ScreeningService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private FileHealth fileHealth;

    @Inject
    private CurrentCaller caller;

    /**
     * Submitted entries (never drafts), newest first, narrowed by the filter; the text matches the title, the
     * story, the author, the receipt number or the text Tika read from an attachment.
     */
    public List<Entry> screeningList(String contestCode, ScreeningFilter filter) {
        Contest contest = contest(contestCode);
        StringBuilder jpql = new StringBuilder("select e from Entry e where e.contest = :contest and e.status <> :draft");
        Map<String, Object> params = new HashMap<>();
        params.put("contest", contest);
        params.put("draft", EntryStatus.DRAFT);
        ScreeningFilter f = filter == null ? ScreeningFilter.none() : filter;
        if (f.unitId() != null) {
            jpql.append(" and (e.unit.id = :unitId or (e.township.id = :unitId and e.recommendedAt is not null))");
            params.put("unitId", f.unitId());
        }
        if (f.categoryId() != null) {
            jpql.append(" and e.category.id = :categoryId");
            params.put("categoryId", f.categoryId());
        }
        if (f.status() != null) {
            jpql.append(" and e.status = :status");
            params.put("status", f.status());
        }
        if (f.text() != null && !f.text().isBlank()) {
            jpql.append(" and (lower(e.title) like :text or lower(e.bodyText) like :text or lower(e.author.name) like :text"
                    + " or e.receiptNo like :text or exists (select f from EntryFile f where f.entry = e"
                    + " and lower(f.file.extractedText) like :text))");
            params.put("text", "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        jpql.append(" order by e.submittedAt desc");
        TypedQuery<Entry> query = em.createQuery(jpql.toString(), Entry.class);
        params.forEach(query::setParameter);
        // The API hands every row's story and contest on; read lazily they cost a select per row after the
        // transaction. One statement for the rows, their texts and the contest instead.
        query.setHint("eclipselink.fetch-group.default", "false");
        query.setHint("eclipselink.join-fetch", "e.contest");
        return query.setMaxResults(500).getResultList();
    }

    /**
     * A submitted entry; its files stored before uploads were checked are checked now, so the organiser deciding
     * on it sees whether judges will be able to open them.
     */
    public Entry entry(long entryId) {
        Entry entry = em.find(Entry.class, entryId);
        if (entry == null || entry.getStatus() == EntryStatus.DRAFT) {
            throw LaurelException.notFound("entry.notFound");
        }
        fileHealth.checkUnchecked(entry.getFiles().stream().map(EntryFile::getFile).toList());
        if (entry.isAuthorWarningUnchecked()) {
            entry.checkAuthorWarning();
        }
        return entry;
    }

    /** The entries of the contest with a file judges cannot open, for the warning in the screening list. */
    public Set<Long> entriesWithDamagedFiles(String contestCode) {
        return Set.copyOf(em.createQuery("""
                select distinct f.entry.id from EntryFile f where f.entry.contest = :contest
                and f.file.readability = :damaged""", Long.class)
                .setParameter("contest", contest(contestCode))
                .setParameter("damaged", StoredFile.Readability.DAMAGED).getResultList());
    }

    public Entry accept(long entryId) {
        Entry entry = entry(entryId);
        entry.accept(clock.instant());
        audit.record(caller.name(), "ENTRY_ACCEPTED", "entry:" + entryId, entry.getReceiptNo());
        return entry;
    }

    public Entry returnForCorrection(long entryId, String reason) {
        Entry entry = entry(entryId);
        entry.returnForCorrection(reason, clock.instant());
        audit.record(caller.name(), "ENTRY_RETURNED", "entry:" + entryId, entry.getReceiptNo() + ": " + reason);
        return entry;
    }

    public Entry reject(long entryId, String reason) {
        Entry entry = entry(entryId);
        entry.reject(reason, clock.instant());
        audit.record(caller.name(), "ENTRY_REJECTED", "entry:" + entryId, entry.getReceiptNo() + ": " + reason);
        return entry;
    }

    /**
     * Names and places judges must not read in the entry's title or text (one term per line). The author's name
     * and units are hidden from judges without being listed here.
     */
    public Entry redact(long entryId, List<String> terms) {
        Entry entry = entry(entryId);
        entry.redact(terms == null ? List.of() : terms);
        audit.record(caller.name(), "ENTRY_REDACTED", "entry:" + entryId, entry.getRedactions().size() + " terms");
        return entry;
    }

    public List<SimilarityFlag> similarityFlags(String contestCode) {
        return em.createNamedQuery("SimilarityFlag.byContest", SimilarityFlag.class)
                .setParameter("contestId", contest(contestCode).getId()).getResultList();
    }

    /** One flagged pair of the contest with the passages they share, the later entry first. */
    public SimilarityComparison comparison(String contestCode, long flagId) {
        SimilarityFlag flag = em.find(SimilarityFlag.class, flagId);
        if (flag == null || !flag.getContestId().equals(contest(contestCode).getId())) {
            throw LaurelException.notFound("screening.duplicates.notFound");
        }
        return SimilarityComparison.of(flag, flag.getEntryA());
    }

    /** Every flag the entry is part of, on either side, each with the passages it shares with the other entry. */
    public List<SimilarityComparison> comparisons(String contestCode, long entryId) {
        Entry entry = entry(entryId);
        if (!entry.getContest().getCode().equals(contestCode)) {
            // The address names the contest; an entry of another one is not found there, as a flag is not.
            throw LaurelException.notFound("entry.notFound");
        }
        return em.createNamedQuery("SimilarityFlag.ofEntry", SimilarityFlag.class).setParameter("entryId", entryId)
                .getResultList().stream().map(f -> SimilarityComparison.of(f, entry)).toList();
    }

    /** Every enrolled unit with what counts against its quota; those below their minimum sort first. */
    public List<QuotaLine> quotaBoard(String contestCode) {
        Contest contest = contest(contestCode);
        List<QuotaLine> lines = new ArrayList<>();
        for (ContestUnit participation : contest.getUnits()) {
            lines.add(QuotaBoard.line(em, contest, participation));
        }
        lines.sort(QuotaBoard.ORDER);
        return lines;
    }

    private Contest contest(String code) {
        return contests.byCode(code);
    }
}
