package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestAdminService;
import app.laurel.contest.ContestService;
import app.laurel.identity.Roles;
import app.laurel.platform.persistence.Paging;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileHealth;
import app.laurel.storage.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organiser's side of submissions: the screening list (资格审查) with its filters, paged for the table, accept /
 * return / reject one entry or several at once, the next entry waiting (下一件), the quota board and near-duplicate
 * flags. Every decision is audited. (A unit's deadline extension edits its
 * enrolment, so it is the contest's: {@link ContestAdminService#extendDeadline}.)
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ScreeningService {

    /** Columns of the screening table an organiser may sort by, and what each sorts on. */
    private static final Map<String, String> SORTABLE = Map.of("receiptNo", "e.receiptNo", "title", "e.title",
            "submittedAt", "e.submittedAt", "status", "e.status", "category", "c.sortOrder", "source", "u.name");

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

    @Inject
    private Event<EntryScreened> screened;

    /**
     * Submitted entries (never drafts), newest first, narrowed by the filter; the text matches the title, the
     * story, the author, the receipt number or the text Tika read from an attachment. One page of them: at 40,000
     * entries the whole list is megabytes of stories ({@link #count} gives the total).
     */
    public List<Entry> screeningList(String contestCode, ScreeningFilter filter, Paging paging) {
        Where where = where(contest(contestCode), filter);
        TypedQuery<Entry> query = where.bind(em.createQuery("select e from Entry e" + where.jpql
                + " order by e.submittedAt desc, e.id desc", Entry.class));
        // The API hands every row's story and contest on; read lazily they cost a select per row after the
        // transaction. One statement for the rows, their texts and the contest instead.
        query.setHint("eclipselink.fetch-group.default", "false");
        query.setHint("eclipselink.join-fetch", "e.contest");
        return query.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
    }

    /** How many submitted entries of the contest the filter leaves: the screening table's total, in one count. */
    public long count(String contestCode, ScreeningFilter filter) {
        Where where = where(contest(contestCode), filter);
        return where.bind(em.createQuery("select count(e) from Entry e" + where.jpql, Long.class)).getSingleResult();
    }

    /**
     * One page of the screening table: one projection of the page's rows (no entity, no story) plus one query for
     * their damaged files, whatever the number of entries. Sorted by a column of {@link #SORTABLE}, else in the
     * order of submission; ties by id, so pages never overlap.
     */
    public List<ScreeningRow> rows(String contestCode, ScreeningFilter filter, int first, int size, String sortBy, boolean ascending) {
        Where where = where(contest(contestCode), filter);
        String order = SORTABLE.getOrDefault(sortBy == null ? "" : sortBy, "e.submittedAt");
        String direction = sortBy == null || ascending ? " asc" : " desc";
        List<Object[]> found = where.bind(em.createQuery("""
                select e.id, e.receiptNo, e.title, c.name, u.name, e.author.name, e.status, e.recommendedAt, e.mayRevealAuthor
                from Entry e left join e.category c left join e.unit u""" + where.jpql
                + " order by " + order + direction + ", e.id" + direction, Object[].class))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 200))).getResultList();
        List<Long> ids = found.stream().map(r -> (Long) r[0]).toList();
        Set<Long> damaged = ids.isEmpty() ? Set.of() : Set.copyOf(em.createQuery("""
                select distinct f.entry.id from EntryFile f where f.entry.id in :ids
                and f.file.readability = :damaged""", Long.class)
                .setParameter("ids", ids).setParameter("damaged", StoredFile.Readability.DAMAGED).getResultList());
        return found.stream().map(r -> new ScreeningRow((Long) r[0], (String) r[1], (String) r[2],
                (String) r[3], r[4] != null ? (String) r[4] : (String) r[5], (EntryStatus) r[6], r[7] != null,
                Boolean.TRUE.equals(r[8]), damaged.contains((Long) r[0]))).toList();
    }

    /** The condition a filter puts on submitted entries (never drafts) of a contest, with its parameters. */
    private static Where where(Contest contest, ScreeningFilter filter) {
        StringBuilder jpql = new StringBuilder(" where e.contest = :contest and e.status <> :draft");
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
        return new Where(jpql.toString(), params);
    }

    private record Where(String jpql, Map<String, Object> params) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            params.forEach(query::setParameter);
            return query;
        }
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
        return decide(entryId, ScreeningDecision.ACCEPT, null);
    }

    public Entry returnForCorrection(long entryId, String reason) {
        return decide(entryId, ScreeningDecision.RETURN, reason);
    }

    public Entry reject(long entryId, String reason) {
        return decide(entryId, ScreeningDecision.REJECT, reason);
    }

    public Entry decide(long entryId, ScreeningDecision decision, String reason) {
        Entry entry = entry(entryId);
        apply(entry, decision, reason);
        return entry;
    }

    /**
     * One decision with one reason on several entries of the contest (the screening table's 批量通过 / 批量退回, and
     * the API). All or nothing for the input: no entry chosen, a missing reason for returning or rejecting, or an
     * entry of another contest refuses the whole request. An entry decided meanwhile by someone else is left as
     * it is and reported, not overwritten.
     */
    public BulkDecision decideAll(String contestCode, Collection<Long> entryIds, ScreeningDecision decision, String reason) {
        if (decision == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        if (decision.needsReason() && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("reason", "screening.bulk.reason." + decision);
        }
        Set<Long> ids = entryIds == null ? Set.of() : Set.copyOf(entryIds);
        if (ids.isEmpty()) {
            throw InvalidInputException.of("selection", "screening.bulk.none");
        }
        List<Entry> entries = em.createQuery("select e from Entry e where e.contest = :contest and e.id in :ids"
                        + " and e.status <> :draft order by e.submittedAt, e.id", Entry.class)
                .setParameter("contest", contest(contestCode)).setParameter("ids", ids)
                .setParameter("draft", EntryStatus.DRAFT).getResultList();
        if (entries.size() != ids.size()) {
            throw LaurelException.notFound("entry.notFound");
        }
        List<Long> decided = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.getStatus() == EntryStatus.SUBMITTED) {
                apply(entry, decision, reason);
                decided.add(entry.getId());
            } else {
                skipped.add(entry.getReceiptNo());
            }
        }
        return new BulkDecision(decided, skipped);
    }

    private void apply(Entry entry, ScreeningDecision decision, String reason) {
        Instant now = clock.instant();
        EntryStatus before = entry.getStatus();
        switch (decision) {
            case ACCEPT -> entry.accept(now);
            case RETURN -> entry.returnForCorrection(reason, now);
            case REJECT -> entry.reject(reason, now);
        }
        String event = switch (decision) {
            case ACCEPT -> "ENTRY_ACCEPTED";
            case RETURN -> "ENTRY_RETURNED";
            case REJECT -> "ENTRY_REJECTED";
        };
        audit.record(caller.name(), event, "entry:" + entry.getId(),
                entry.getReceiptNo() + (decision.needsReason() ? ": " + entry.getStatusReason() : ""),
                before.name(), entry.getStatus().name());
        screened.fire(new EntryScreened(entry.getId(), entry.getRevision(), decision));
    }

    /**
     * The entry waiting for screening that comes after this one in the order of submission, or the first one
     * waiting when none comes after: where 下一件 leads. Null when no other entry waits.
     */
    public Long nextWaiting(String contestCode, long entryId) {
        Entry current = entry(entryId);
        Contest contest = contest(contestCode);
        List<Long> after = em.createQuery("""
                select e.id from Entry e where e.contest = :contest and e.status = :submitted and e.id <> :id
                and (e.submittedAt > :at or (e.submittedAt = :at and e.id > :id)) order by e.submittedAt, e.id""", Long.class)
                .setParameter("contest", contest).setParameter("submitted", EntryStatus.SUBMITTED)
                .setParameter("id", entryId).setParameter("at", current.getSubmittedAt()).setMaxResults(1).getResultList();
        if (!after.isEmpty()) {
            return after.get(0);
        }
        return em.createQuery("""
                select e.id from Entry e where e.contest = :contest and e.status = :submitted and e.id <> :id
                order by e.submittedAt, e.id""", Long.class)
                .setParameter("contest", contest).setParameter("submitted", EntryStatus.SUBMITTED)
                .setParameter("id", entryId).setMaxResults(1).getResultStream().findFirst().orElse(null);
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
        return QuotaBoard.lines(em, contest(contestCode));
    }

    private Contest contest(String code) {
        return contests.byCode(code);
    }
}
