package app.laurel.submission;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.ContestUnit;
import app.laurel.contest.EntryRule;
import app.laurel.contest.EntryType;
import app.laurel.contest.ReceiptNumbers;
import app.laurel.identity.Account;
import app.laurel.identity.CurrentAccount;
import app.laurel.identity.Role;
import app.laurel.identity.Roles;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.LockConflicts;
import app.laurel.platform.persistence.Versions;
import app.laurel.platform.time.Formats;
import app.laurel.storage.StoredFile;
import app.laurel.storage.UploadService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The use cases of submitting: a citizen or a unit's administrator writes a draft, attaches checked files,
 * submits it for a receipt number, corrects it (修改) while it waits for screening, or withdraws it. A citizen has
 * one draft per contest and type: starting again continues it. Every method checks the caller owns the entry (another's
 * entry is "not found"), and the deadline by the server's clock.
 */
@Stateless
@RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN})
public class SubmissionService {

    static final int MAX_BODY_HTML = 400_000;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Versions versions;

    @Inject
    private ContestService contests;

    @EJB
    private UploadService uploads;

    @Inject
    private AuditTrail audit;

    @Inject
    private DuplicateDetector duplicates;

    @Inject
    private Formats formats;

    @Inject
    private ReceiptNumbers receipts;

    @Inject
    private Event<EntrySubmitted> submitted;

    @EJB
    private LockConflicts lockConflicts;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private CurrentAccount account;

    public Entry createDraft(String contestCode, EntryType type, DraftInput input) {
        Contest contest = contest(contestCode);
        Account caller = account.get();
        Unit unit = caller.hasRole(Role.UNIT_ADMIN) ? caller.getUnit() : null;
        if (caller.hasRole(Role.UNIT_ADMIN) && (unit == null || contest.participation(unit).isEmpty())) {
            throw LaurelException.forbidden("entry.unitNotEnrolled");
        }
        if (type == null || contest.rule(type).isEmpty()) {
            throw InvalidInputException.of("type", "entry.typeNotAccepted");
        }
        requireOpen(contest, unit);
        Instant now = clock.instant();
        EntryContent content = content(contest, unit, input);
        // A citizen who taps 我要投稿 again (another tab, the API, a lost page) continues their draft; a unit prepares
        // one entry per author, so its drafts are separate.
        Entry entry = unit != null ? null
                : openDraft(contest).filter(d -> d.getEntryType() == type).orElse(null);
        if (entry == null) {
            entry = new Entry(contest, type, caller, unit, now);
            em.persist(entry);
        }
        entry.revise(content, now);
        em.flush();
        return entry;
    }

    /** The citizen's draft in this contest that 我要投稿 continues, if they have one; units start each entry anew. */
    public Optional<Entry> openDraft(String contestCode) {
        Contest contest = contest(contestCode);
        return account.get().hasRole(Role.UNIT_ADMIN) ? Optional.empty() : openDraft(contest);
    }

    private Optional<Entry> openDraft(Contest contest) {
        return em.createNamedQuery("Entry.draftOf", Entry.class).setParameter("owner", account.get())
                .setParameter("contest", contest).setParameter("status", EntryStatus.DRAFT).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Saves a draft made from version {@code expectedVersion} (null: unchecked), so an older tab cannot undo a newer save. */
    public Entry saveDraft(long entryId, DraftInput input, Long expectedVersion) {
        Entry entry = own(entryId);
        versions.expect(entry.getVersion(), expectedVersion, "entry:" + entryId, List::of);
        requireOpen(entry);
        entry.revise(content(entry.getContest(), entry.getUnit(), input), clock.instant());
        if (entry.getStatus() == EntryStatus.SUBMITTED) {
            // A submitted entry is read by screening as it stands: a correction's text is complete or not saved.
            requireComplete(entry);
        }
        versions.advance(entry, entry::getVersion);
        return entry;
    }

    /** Attaches one of the caller's checked files in a role; the file's kind and the contest's rule must fit. */
    public Entry attachFile(long entryId, long fileId, FileRole role) {
        Entry entry = own(entryId);
        requireOpen(entry);
        if (role == null) {
            throw InvalidInputException.of("role", "validation.choice");
        }
        StoredFile file = uploads.ownFile(fileId);
        if (file.kind() != SubmissionChecks.kindFor(role)) {
            throw InvalidInputException.of(SubmissionChecks.field(role), "entry.file.wrongKind." + SubmissionChecks.kindFor(role));
        }
        EntryRule rule = rule(entry);
        List<FieldError> errors = new ArrayList<>();
        switch (role) {
            case VIDEO -> errors.addAll(SubmissionChecks.checkVideoFile(file.getSizeBytes(), file.getDurationMillis(), rule));
            case IMAGE -> {
                if (entry.files(FileRole.IMAGE).size() >= rule.getMaxImages()) {
                    errors.add(new FieldError("images", "entry.images.tooMany", rule.getMaxImages()));
                }
            }
            case ATTACHMENT -> {
                if (!rule.isAttachmentAllowed()) {
                    errors.add(new FieldError("attachment", "entry.attachment.notAllowed"));
                }
            }
            case POSTER -> {
                // one poster at most is checked on submit, so a poster can be replaced by detach and attach
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        entry.attach(file, role, clock.instant());
        return entry;
    }

    public Entry detachFile(long entryId, long fileId) {
        Entry entry = own(entryId);
        requireOpen(entry);
        entry.detach(fileId, clock.instant());
        return entry;
    }

    /**
     * Submits: everything the rule asks for must be there, the unit's quota or the citizen's limit must not be
     * full, and the deadline not passed; then the entry gets its receipt number.
     * <p>
     * Built for the deadline surge, when hundreds submit in the same minute: nothing locks the contest. The quota
     * is counted under a lock on the unit's participation (or the citizen's account), which only that unit's (or
     * person's) own submissions wait for; the receipt number is taken last, after the rest is flushed, so its
     * counter row is locked for milliseconds; 查重 runs after the commit ({@link SimilaritySweep}). A deadlock or a lock wait timeout is
     * not the submitter's fault, so the whole submission is tried again in a new transaction
     * ({@link LockConflicts}); this method itself runs outside any transaction for that reason.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Entry submit(long entryId) {
        return lockConflicts.retried(() -> submitInTransaction(entryId));
    }

    private Entry submitInTransaction(long entryId) {
        Entry entry = own(entryId);
        requireOpen(entry);
        requireComplete(entry);
        if (entry.getStatus() == EntryStatus.DRAFT) {
            requireRoomFor(entry, entry.getContest());
        }
        boolean correction = entry.getStatus() == EntryStatus.SUBMITTED;
        boolean first = entry.getReceiptNo() == null;
        em.persist(entry.submit(null, clock.instant()));
        duplicates.requeue(entry);
        if (first) {
            // The counter row stays locked from here to the commit, and every submission of the contest queues for
            // it: write the rest first, so that the commit has only the number, the receipt and the audit line left.
            em.flush();
            entry.number(receipts.next(entry.getContest()));
        }
        submitted.fire(new EntrySubmitted(entry.getId()));
        audit.record(caller.name(), correction ? "ENTRY_CORRECTED" : "ENTRY_SUBMITTED", "entry:" + entry.getId(),
                entry.getReceiptNo() + " v" + entry.getRevision());
        return entry;
    }

    /** The versions the entry was submitted in, newest first (its history under one receipt number). */
    public List<EntryVersion> versions(long entryId) {
        return em.createNamedQuery("EntryVersion.ofEntry", EntryVersion.class).setParameter("entry", own(entryId))
                .getResultList();
    }

    private void requireComplete(Entry entry) {
        List<FieldError> errors = SubmissionChecks.forSubmission(entry, rule(entry));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public Entry withdraw(long entryId) {
        Entry entry = own(entryId);
        requireOpen(entry);
        entry.withdraw(clock.instant());
        audit.record(caller.name(), "ENTRY_WITHDRAWN", "entry:" + entry.getId(), entry.getReceiptNo());
        return entry;
    }

    public Entry entry(long entryId) {
        return own(entryId);
    }

    /** The caller's entries in one contest, or in every contest (newest contest first) when none is named. */
    public List<Entry> myEntries(String contestCode) {
        if (contestCode == null || contestCode.isBlank()) {
            return em.createNamedQuery("Entry.byOwnerEverywhere", Entry.class)
                    .setParameter("username", caller.name()).getResultList();
        }
        return em.createNamedQuery("Entry.byOwner", Entry.class)
                .setParameter("username", caller.name())
                .setParameter("contest", contest(contestCode))
                .getResultList();
    }

    /**
     * The count is taken under a row lock that every submission counting against the same limit takes first, and
     * the data source reads committed rows (see SchemaMigrations): the count sees whatever the one before committed.
     */
    private void requireRoomFor(Entry entry, Contest contest) {
        if (entry.getUnit() != null) {
            ContestUnit participation = contest.participation(entry.getUnit())
                    .orElseThrow(() -> LaurelException.forbidden("entry.unitNotEnrolled"));
            em.refresh(participation, LockModeType.PESSIMISTIC_WRITE);
            long counted = em.createNamedQuery("Entry.countByUnit", Long.class).setParameter("unit", entry.getUnit())
                    .setParameter("contest", contest).setParameter("statuses", Entry.COUNTING).getSingleResult();
            if (participation.getQuota().isReachedBy((int) counted)) {
                throw LaurelException.conflict("entry.quotaReached", entry.getUnit().getName(), participation.getQuota().max());
            }
        } else {
            em.refresh(entry.getOwner(), LockModeType.PESSIMISTIC_WRITE);
            long counted = em.createNamedQuery("Entry.countByOwner", Long.class).setParameter("owner", entry.getOwner())
                    .setParameter("contest", contest).setParameter("statuses", Entry.COUNTING).getSingleResult();
            if (counted >= contest.getPublicEntryLimit()) {
                throw LaurelException.conflict("entry.publicLimitReached", contest.getPublicEntryLimit());
            }
        }
    }

    private EntryContent content(Contest contest, Unit unit, DraftInput input) {
        if (input == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = trim(input.title());
        if (title != null && title.length() > Entry.MAX_TITLE) {
            errors.add(new FieldError("title", "validation.length", 1, Entry.MAX_TITLE));
        }
        if (input.bodyHtml() != null && input.bodyHtml().length() > MAX_BODY_HTML) {
            errors.add(new FieldError("body", "entry.body.tooLong"));
        }
        Category category = null;
        if (input.categoryId() != null) {
            category = contest.category(input.categoryId()).orElse(null);
            if (category == null) {
                errors.add(new FieldError("category", "validation.choice"));
            }
        }
        Unit township = null;
        if (unit == null && input.townshipId() != null) {
            township = em.find(Unit.class, input.townshipId());
            Long chosen = input.townshipId();
            if (township == null || townships(contest).stream().noneMatch(u -> u.getId().equals(chosen))) {
                errors.add(new FieldError("township", "validation.choice"));
            }
        }
        String authorName = trim(input.authorName());
        String authorPhone = trim(input.authorPhone());
        String authorOrg = trim(input.authorOrganisation());
        if (authorName != null && authorName.length() > 50) {
            errors.add(new FieldError("authorName", "validation.length", 1, 50));
        }
        if (authorPhone != null && !MOBILE.matcher(authorPhone).matches()) {
            errors.add(new FieldError("authorPhone", "validation.phone"));
        }
        if (authorOrg != null && authorOrg.length() > 100) {
            errors.add(new FieldError("authorOrganisation", "validation.length", 1, 100));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StoryText story = StoryText.of(input.bodyHtml());
        Account caller = unit == null ? account.get() : null;
        Author author = unit == null
                ? new Author(caller.getDisplayName(), caller.getPhone(), township == null ? null : township.getName())
                : new Author(authorName, authorPhone, authorOrg == null ? unit.getName() : authorOrg);
        return new EntryContent(category, title, story.html().isEmpty() ? null : story.html(),
                story.text().isEmpty() ? null : story.text(), township, author, input.originalityDeclared(),
                input.displayConsent());
    }

    /**
     * The units a citizen may name as their township (the one that may recommend the entry, 摸底推选): the contest's
     * townships and parks. A member unit, the police bureau or a school submits its own entries and recommends none.
     */
    public List<Unit> townships(Contest contest) {
        return contest.getUnits().stream().map(ContestUnit::getUnit)
                .filter(u -> u.getUnitType() == UnitType.TOWNSHIP || u.getUnitType() == UnitType.PARK).toList();
    }

    private void requireOpen(Contest contest, Unit unit) {
        requireOpen(contest, unit, "entry.closed");
    }

    /** After the deadline a submitted entry stays as it is: 修改 is refused in words that say so. */
    private void requireOpen(Entry entry) {
        requireOpen(entry.getContest(), entry.getUnit(),
                entry.getStatus() == EntryStatus.SUBMITTED ? "entry.correctionClosed" : "entry.closed");
    }

    private void requireOpen(Contest contest, Unit unit, String messageKey) {
        Instant now = clock.instant();
        if (!contest.isOpenForSubmissions(unit, now)) {
            String deadline = contest.submissionDeadline(unit).map(formats::dateTime).orElse("-");
            throw LaurelException.conflict(messageKey, deadline);
        }
    }

    /** Whether the caller may start an entry in the contest now (a unit's deadline may be later than citizens'). */
    public boolean isOpenForCaller(Contest contest) {
        Account caller = account.get();
        return contest.isOpenForSubmissions(caller.hasRole(Role.UNIT_ADMIN) ? caller.getUnit() : null, clock.instant());
    }

    /** Whether the entry may still be changed now: editable, and its contest open for its owner (server clock). */
    public boolean isChangeable(Entry entry) {
        return entry.isEditable() && entry.getContest().isOpenForSubmissions(entry.getUnit(), clock.instant());
    }

    /** The caller's entry (or their unit's), else 404 whether or not it exists. */
    private Entry own(long entryId) {
        Entry entry = em.find(Entry.class, entryId);
        Account caller = account.get();
        boolean mine = entry != null && (entry.getOwner().getId().equals(caller.getId())
                || (entry.getUnit() != null && caller.hasRole(Role.UNIT_ADMIN) && caller.getUnit() != null
                && entry.getUnit().getId().equals(caller.getUnit().getId())));
        if (!mine) {
            throw LaurelException.notFound("entry.notFound");
        }
        return entry;
    }

    private EntryRule rule(Entry entry) {
        return entry.getContest().rule(entry.getEntryType())
                .orElseThrow(() -> InvalidInputException.of("type", "entry.typeNotAccepted"));
    }

    private Contest contest(String code) {
        return contests.byCode(code);
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
