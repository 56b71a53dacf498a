package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.EntryType;
import app.laurel.identity.Roles;
import app.laurel.identity.UnitType;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.storage.FileStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A contest's exports for its organisers: every entry with its author's phone (personal data: organisers and
 * administrators only, as everything here), the units' quota status, and a ZIP of the entries' files. Built for
 * 40,000 entries: each export reads the database in pages of {@value #PAGE} rows by id (one statement a page, never
 * one a row) and writes each page out before reading the next, without a transaction held open for the length of a
 * download. The streaming methods run while the response is written; {@link #start} is called first, so that a
 * refusal is a clean 403 or 404 before any byte goes out, and every export is in the audit trail (who took the
 * phones out, and when).
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ExportService {

    static final int PAGE = 1000;
    private static final List<String> ENTRY_COLUMNS = List.of("export.entries.receiptNo", "export.title", "export.entries.category",
            "export.entries.type", "export.status", "export.entries.reason", "export.unit", "export.entries.township",
            "export.entries.author", "export.entries.phone", "export.entries.authorOrg", "export.entries.submittedAt",
            "export.entries.recommendedAt", "export.entries.updatedAt");
    private static final List<Integer> ENTRY_WIDTHS = List.of(16, 30, 14, 10, 10, 24, 20, 16, 12, 14, 20, 17, 17, 17);
    private static final List<String> QUOTA_COLUMNS = List.of("export.unit", "export.quota.type", "export.quota.max",
            "export.quota.min", "export.quota.submitted", "export.quota.accepted", "export.quota.recommended",
            "export.quota.below");
    private static final List<Integer> QUOTA_WIDTHS = List.of(24, 12, 12, 12, 12, 12, 16, 12);

    /**
     * What counts as submitted on the quota export: what counts against the quota on the screening board, and the
     * entries that went on to win. The board's count is about free places before the deadline, when nothing has won
     * yet; an export taken after the results must not show a unit whose entry won as having submitted nothing.
     */
    static final Set<EntryStatus> SUBMITTED = Collections.unmodifiableSet(EnumSet.of(EntryStatus.SUBMITTED,
            EntryStatus.ACCEPTED, EntryStatus.RETURNED, EntryStatus.WINNER));

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private FileStore store;

    @Inject
    private ZipProgress progress;

    @Inject
    private AuditTrail audit;

    @Inject
    private CurrentCaller caller;

    /** The contest, for the caller allowed its exports; not found for an unknown code. */
    public Contest contest(String code) {
        return contests.byCode(code);
    }

    /** The contest whose {@code export} (a file name) is about to be written, with the export audited. */
    public Contest start(String code, String export) {
        Contest contest = contest(code);
        audit.record(caller.name(), "CONTEST_EXPORTED", "contest:" + code, export);
        return contest;
    }

    /**
     * Every entry of the contest except drafts, in the order they were created: receipt, title, category, type,
     * status and reason, unit (or 个人投稿) and township, author with phone and organisation, and the dates.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeEntries(String code, Locale locale, OutputStream out) throws IOException {
        Contest contest = contest(code);
        try (ExportSheet sheet = new ExportSheet(locale, "export.entries.sheet", ENTRY_COLUMNS, ENTRY_WIDTHS)) {
            long after = 0;
            for (List<Object[]> page = entryPage(contest, after); !page.isEmpty(); page = entryPage(contest, after)) {
                for (Object[] r : page) {
                    String author = r[9] == null || ((String) r[9]).isBlank() ? (String) r[10] : (String) r[9];
                    sheet.row(r[1], r[2], r[3], sheet.text("entryType." + ((EntryType) r[4]).name()),
                            sheet.text("entryStatus." + ((EntryStatus) r[5]).name()), r[6],
                            r[7] != null ? r[7] : sheet.text("round.citizenEntry"), r[8], author, r[11], r[12], r[13], r[14], r[15]);
                }
                after = (Long) page.get(page.size() - 1)[0];
            }
            sheet.write(out);
        }
    }

    private List<Object[]> entryPage(Contest contest, long after) {
        return em.createQuery("""
                select e.id, e.receiptNo, e.title, c.name, e.entryType, e.status, e.statusReason, u.name, t.name,
                       e.author.name, o.displayName, e.author.phone, e.author.organisation, e.submittedAt, e.recommendedAt,
                       e.updatedAt
                from Entry e join e.owner o left join e.category c left join e.unit u left join e.township t
                where e.contest = :contest and e.status <> :draft and e.id > :after order by e.id""", Object[].class)
                .setParameter("contest", contest).setParameter("draft", EntryStatus.DRAFT).setParameter("after", after)
                .setMaxResults(PAGE).getResultList();
    }

    /**
     * Each enrolled unit with its quota and what it has: submitted ({@link #SUBMITTED}), accepted, and how many of the submitted are citizens' entries it recommended; in one grouped statement.
     */
    public List<QuotaStatus> quota(String code) {
        Contest contest = contest(code);
        String counting = sqlList(SUBMITTED);
        String accepted = sqlList(FileSelection.ACCEPTED.statuses());
        List<?> rows = em.createNativeQuery("""
                select u.name, u.unit_type, cu.min_entries, cu.max_entries,
                       count(case when e.status in (%1$s) then 1 end),
                       count(case when e.status in (%2$s) then 1 end),
                       count(case when e.status in (%1$s) and e.unit_id is null then 1 end)
                from contest_unit cu join unit u on u.id = cu.unit_id
                left join entry e on e.contest_id = cu.contest_id
                     and (e.unit_id = cu.unit_id or (e.township_id = cu.unit_id and e.recommended_at is not null))
                where cu.contest_id = ?1
                group by cu.id, u.name, u.unit_type, cu.min_entries, cu.max_entries
                order by u.name""".formatted(counting, accepted)).setParameter(1, contest.getId()).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new QuotaStatus((String) r[0], UnitType.valueOf((String) r[1]),
                number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6]))).toList();
    }

    public void writeQuota(String code, Locale locale, OutputStream out) throws IOException {
        List<QuotaStatus> lines = quota(code);
        try (ExportSheet sheet = new ExportSheet(locale, "export.quota.sheet", QUOTA_COLUMNS, QUOTA_WIDTHS)) {
            for (QuotaStatus q : lines) {
                sheet.row(q.unitName(), sheet.text("unitType." + q.unitType().name()), q.max(), q.min(), q.submitted(),
                        q.accepted(), q.recommended(), q.isBelowMinimum());
            }
            sheet.write(out);
        }
    }

    /** How many files the ZIP of this selection holds and their bytes: the progress bar's 100 %, in one statement. */
    public ZipSize zipSize(String code, FileSelection selection) {
        Object[] totals = em.createQuery("""
                select count(f), coalesce(sum(f.sizeBytes), 0) from EntryFile ef join ef.entry e join ef.file f
                where e.contest = :contest and e.status in :statuses""", Object[].class)
                .setParameter("contest", contest(code)).setParameter("statuses", selection.statuses()).getSingleResult();
        return new ZipSize(((Number) totals[0]).intValue(), ((Number) totals[1]).longValue());
    }

    /** The files and bytes of a ZIP. */
    public record ZipSize(int files, long bytes) {
    }

    /**
     * Streams the ZIP of the selected entries' files into {@code out}, foldered unit / receipt number / file name
     * (a citizen's entry under the township it names, or under 个人投稿); {@code token}, when the page gave one,
     * lets the page follow the bytes written ({@link ZipProgress}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeZip(String code, FileSelection selection, Locale locale, String token, OutputStream out) throws IOException {
        Contest contest = contest(code);
        ZipSize size = zipSize(code, selection);
        String citizens = app.laurel.platform.i18n.Messages.text(locale, "round.citizenEntry");
        progress.begin(token, caller.name(), size.files(), size.bytes());
        try {
            EntryFilesZip zip = new EntryFilesZip(out, store::resolve, (files, bytes) -> progress.advance(token, files, bytes));
            long afterEntry = 0;
            long afterFile = 0;
            for (List<Object[]> page = filePage(contest, selection, afterEntry, afterFile); !page.isEmpty();
                 page = filePage(contest, selection, afterEntry, afterFile)) {
                for (Object[] r : page) {
                    boolean ownUnit = r[2] != null;
                    String key = ownUnit ? "u" + r[2] : r[4] != null ? "u" + r[4] : "citizens";
                    String folder = ownUnit ? (String) r[3] : r[5] != null ? (String) r[5] : citizens;
                    zip.add(new EntryFilesZip.Row((Long) r[0], (String) r[1], key, folder, (String) r[6], (String) r[7],
                            (Long) r[8], (String) r[9], (Instant) r[10]));
                }
                Object[] last = page.get(page.size() - 1);
                afterEntry = (Long) last[0];
                afterFile = (Long) last[11];
            }
            zip.finish();
            progress.finish(token);
        } catch (IOException | RuntimeException e) {
            progress.fail(token); // the browser stopped reading, a file went missing on disk, the database failed
            throw e;
        }
    }

    /** How far the caller's ZIP download with this token has got (WAITING until it starts, or for another's token). */
    public ZipProgress.State progress(String code, String token) {
        contest(code);
        return progress.state(token, caller.name());
    }

    /** The next page of files by (entry id, entry file id): an entry's files come together, in the order attached. */
    private List<Object[]> filePage(Contest contest, FileSelection selection, long afterEntry, long afterFile) {
        return em.createQuery("""
                select e.id, e.receiptNo, u.id, u.name, t.id, t.name, f.originalName, f.storedName, f.sizeBytes, f.mediaType,
                       f.createdAt, ef.id
                from EntryFile ef join ef.entry e join ef.file f left join e.unit u left join e.township t
                where e.contest = :contest and e.status in :statuses
                  and (e.id > :afterEntry or (e.id = :afterEntry and ef.id > :afterFile))
                order by e.id, ef.id""", Object[].class)
                .setParameter("contest", contest).setParameter("statuses", selection.statuses())
                .setParameter("afterEntry", afterEntry).setParameter("afterFile", afterFile)
                .setMaxResults(PAGE).getResultList();
    }

    /** Enum names for an IN list of a native statement: names from the code, never from input. */
    private static String sqlList(Set<EntryStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
