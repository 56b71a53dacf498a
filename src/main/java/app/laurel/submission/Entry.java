package app.laurel.submission;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.contest.EntryType;
import app.laurel.identity.Account;
import app.laurel.identity.Unit;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.CommitCounter;
import app.laurel.storage.StoredFile;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.time.Instant;
import app.laurel.platform.error.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One submission (作品): a story or a video, by a citizen under their own name or by a unit for an author.
 * <p>
 * The lifecycle is guarded here: a draft or a returned entry can be revised and submitted; a submitted one is
 * screened into ACCEPTED, RETURNED (with a reason) or REJECTED (with a reason); its owner may withdraw it until
 * screening decides, and may correct it (修改) until then too: each submission is a new {@link EntryVersion} under
 * the same receipt number. Once screening has accepted it, what judges score no longer changes. Deadlines are the service's to check, because they depend on the contest and the unit.
 */
@Entity
@EntityListeners(CommitCounter.class)
@Table(name = "entry")
@NamedQuery(name = "Entry.byOwner", query = "select e from Entry e where e.owner.username = :username and e.contest = :contest order by e.createdAt desc")
@NamedQuery(name = "Entry.byOwnerEverywhere", query = "select e from Entry e join fetch e.contest where e.owner.username = :username"
        + " order by e.contest.id desc, e.createdAt desc")
@NamedQuery(name = "Entry.draftOf", query = "select e from Entry e where e.owner = :owner and e.contest = :contest and e.unit is null"
        + " and e.status = :status order by e.updatedAt desc")
@NamedQuery(name = "Entry.countByOwner", query = "select count(e) from Entry e where e.owner = :owner and e.contest = :contest and e.unit is null and e.status in :statuses")
@NamedQuery(name = "Entry.countByUnit", query = "select count(e) from Entry e where e.contest = :contest and e.status in :statuses"
        + " and (e.unit = :unit or (e.township = :unit and e.recommendedAt is not null))")
@NamedQuery(name = "Entry.candidates", query = "select e from Entry e where e.contest = :contest and e.township = :unit"
        + " and e.unit is null and e.status in :statuses order by e.submittedAt")
public class Entry {

    /** Statuses in which an entry counts against a quota or a citizen's limit. */
    public static final Set<EntryStatus> COUNTING = EnumSet.of(EntryStatus.SUBMITTED, EntryStatus.ACCEPTED, EntryStatus.RETURNED);
    public static final int MAX_TITLE = 100;
    public static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 10)
    private EntryType entryType;

    @ManyToOne
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(length = MAX_TITLE)
    private String title;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_html", columnDefinition = "MEDIUMTEXT")
    private String bodyHtml;

    /** Extra terms an organiser hides from judges, one per line (the author's name and units are hidden anyway). */
    @Column(length = 500)
    private String redactions;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_text", columnDefinition = "MEDIUMTEXT")
    private String bodyText;

    /**
     * Whether the text seems to name the author by a part too short to black out (可能自报身份). Decided when the
     * entry is submitted or its hidden terms change, not when a list is drawn: deciding needs the whole text, and a
     * screening list of hundreds of entries must not load every story to draw its badges. Null for entries submitted
     * before the rule existed, until an organiser opens them.
     */
    @Column(name = "may_reveal_author")
    private Boolean mayRevealAuthor;

    @ManyToOne(optional = false)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "owner_id")
    private Account owner;

    /** The unit that submits this entry against its quota; null for a citizen's own entry. */
    @ManyToOne
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    /** The township a citizen names, whose administrator may recommend the entry. */
    @ManyToOne
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "township_id")
    private Unit township;

    @Embedded
    private Author author;

    @Column(name = "originality_declared", nullable = false)
    private boolean originalityDeclared;

    @Column(name = "display_consent", nullable = false)
    private boolean displayConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private EntryStatus status;

    @Column(name = "status_reason", length = MAX_REASON)
    private String statusReason;

    @Column(name = "receipt_no", length = 24)
    private String receiptNo;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "recommended_at")
    private Instant recommendedAt;

    @Column(name = "recommended_by", length = 32)
    private String recommendedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Eager, since pages read them after the transaction; batch fetched (with the file rows and the owner), so a list
     * of entries costs a few queries in all rather than a few per entry: the shared cache is off. Batches of 500, the
     * length of the screening list: a round of 2,000 entries costs four queries per relation.
     */
    @OneToMany(mappedBy = "entry", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @OrderBy("sortOrder")
    private List<EntryFile> files = new ArrayList<>();

    /** How many times it was submitted: the number of its latest {@link EntryVersion}, 0 for a draft. */
    @Column(nullable = false)
    private int revision;

    @Version
    private long version;

    protected Entry() {
    }

    public Entry(Contest contest, EntryType entryType, Account owner, Unit unit, Instant now) {
        this.contest = contest;
        this.entryType = entryType;
        this.owner = owner;
        this.unit = unit;
        this.status = EntryStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A draft, a returned entry, or a submitted one not yet screened (a correction, 修改); the deadline is the service's. */
    public boolean isEditable() {
        return status == EntryStatus.DRAFT || status == EntryStatus.SUBMITTED || status == EntryStatus.RETURNED;
    }

    public void revise(EntryContent content, Instant now) {
        requireEditable();
        // The story's columns are lazy: setting one that was not loaded yet makes EclipseLink load it and put the
        // fields changed just before back to their stored values (a title typed after the draft was made was lost).
        loadStory();
        this.category = content.category();
        this.title = content.title();
        this.bodyHtml = content.bodyHtml();
        this.bodyText = content.bodyText();
        this.township = content.township();
        this.author = content.author();
        this.originalityDeclared = content.originalityDeclared();
        this.displayConsent = content.displayConsent();
        this.updatedAt = now;
    }

    public void attach(StoredFile file, FileRole role, Instant now) {
        requireEditable();
        if (files.stream().anyMatch(f -> f.getFile().getId().equals(file.getId()))) {
            return;
        }
        files.add(new EntryFile(this, file, role, files.size() + 1));
        updatedAt = now;
    }

    public void detach(long fileId, Instant now) {
        requireEditable();
        if (!files.removeIf(f -> f.getFile().getId() == fileId)) {
            throw LaurelException.notFound("file.notFound");
        }
        updatedAt = now;
    }

    /**
     * Submits (or resubmits after a return, or submits a correction). The receipt number is given once and kept; each
     * submission is a new version, to be stored by the caller.
     */
    public EntryVersion submit(String newReceiptNo, Instant now) {
        requireEditable();
        String text = authorWarningText();
        if (receiptNo == null) {
            receiptNo = newReceiptNo;
        }
        status = EntryStatus.SUBMITTED;
        statusReason = null;
        submittedAt = now;
        updatedAt = now;
        mayRevealAuthor = BlindText.forJudges(this).mayRevealAuthor(text);
        revision++;
        return new EntryVersion(this, revision, now);
    }

    /**
     * Gives a submission its receipt number when {@link #submit} was called without one, so that the counter is
     * taken after the rest of the submission is written (see SubmissionService#submit). Once only.
     */
    void number(String newReceiptNo) {
        if (receiptNo != null || status != EntryStatus.SUBMITTED || newReceiptNo == null) {
            throw new IllegalStateException("entry " + id + " is not a submission awaiting its receipt number");
        }
        receiptNo = newReceiptNo;
    }

    /** Whether it was submitted more than once (corrected, or resubmitted after a return): the receipt says so. */
    public boolean isCorrected() {
        return revision > 1;
    }

    public int getRevision() {
        return revision;
    }

    public void withdraw(Instant now) {
        if (status != EntryStatus.DRAFT && status != EntryStatus.SUBMITTED && status != EntryStatus.RETURNED) {
            throw LaurelException.conflict("entry.cannotWithdraw", status.name());
        }
        status = EntryStatus.WITHDRAWN;
        updatedAt = now;
    }

    /**
     * The township a citizen named chooses this entry to count against its quota (摸底推选). Only a submitted or
     * accepted citizen's entry that names a township can be recommended.
     */
    public void recommend(String by, Instant now) {
        if (unit != null || township == null || !(status == EntryStatus.SUBMITTED || status == EntryStatus.ACCEPTED)) {
            throw LaurelException.conflict("entry.notRecommendable");
        }
        recommendedAt = now;
        recommendedBy = by;
    }

    public void withdrawRecommendation() {
        recommendedAt = null;
        recommendedBy = null;
    }

    public boolean isRecommended() {
        return recommendedAt != null;
    }

    /**
     * Whether judges may see this entry: accepted in screening, and, where the contest says citizens' entries need
     * a township's recommendation (摸底推选), a citizen's entry only once a township recommended it. Every place that
     * chooses entries for judging asks this, so the rule cannot differ between them.
     */
    public boolean isInJudgingPool() {
        return status == EntryStatus.ACCEPTED && (unit != null || isRecommended() || !contest.isPublicNeedsRecommendation());
    }

    /** The text duplicate detection compares: the story and the text of its attachments. */
    public String comparableText() {
        return comparableText(bodyText, files(FileRole.ATTACHMENT).stream().map(f -> f.getFile().getExtractedText()).toList());
    }

    /** The one rule for what is compared, also used by the similarity index, which reads the columns directly. */
    static String comparableText(String bodyText, List<String> attachmentTexts) {
        StringBuilder text = new StringBuilder(bodyText == null ? "" : bodyText);
        for (String attachment : attachmentTexts) {
            if (attachment != null) {
                text.append('\n').append(attachment);
            }
        }
        return text.toString();
    }

    /**
     * Whether the title, story or attachments still seem to name the author to judges by a part of the name too
     * short to black out (a one-character given name after "我叫"): the organiser is warned (可能自报身份).
     */
    public boolean mayRevealAuthor() {
        return Boolean.TRUE.equals(mayRevealAuthor);
    }

    /** True for an entry submitted before the warning was decided at submission; see {@link #checkAuthorWarning}. */
    public boolean isAuthorWarningUnchecked() {
        return mayRevealAuthor == null;
    }

    /** Decides the 可能自报身份 warning again from the whole text and the hidden terms as they are now. */
    public void checkAuthorWarning() {
        String text = authorWarningText();
        mayRevealAuthor = BlindText.forJudges(this).mayRevealAuthor(text);
    }

    /**
     * The text the warning reads. Callers read it BEFORE they change the entry: the story is a lazy column, and
     * EclipseLink loading it into an entity already changed in the transaction puts the changed fields back to
     * their stored values (hidden terms set just before were lost that way).
     */
    private String authorWarningText() {
        return title + "\n" + comparableText();
    }

    /** Reads the lazy story columns (the reads are woven into loads), so that later changes are not undone. */
    private int loadStory() {
        return (bodyHtml == null ? 0 : 1) + (bodyText == null ? 0 : 1);
    }

    /** Sets the terms judges must not read in the title or text; screening only, like any decision on the entry. */
    public void redact(List<String> terms) {
        String text = authorWarningText();
        String joined = String.join("\n", terms.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
        if (joined.length() > 500) {
            throw InvalidInputException.of("redactions", "validation.length", 0, 500);
        }
        this.redactions = joined.isEmpty() ? null : joined;
        mayRevealAuthor = BlindText.forJudges(this).mayRevealAuthor(text);
    }

    public List<String> getRedactions() {
        return redactions == null ? List.of() : List.of(redactions.split("\n"));
    }

    /** In the final result once the public notice is over. */
    public void win(Instant now) {
        if (status != EntryStatus.ACCEPTED) {
            throw LaurelException.conflict("entry.notAccepted", status.name());
        }
        status = EntryStatus.WINNER;
        updatedAt = now;
    }

    /** Out of the result after an upheld objection; the reason is what the correction on the notice says. */
    public void disqualify(String reason, Instant now) {
        if (status != EntryStatus.ACCEPTED) {
            throw LaurelException.conflict("entry.notAccepted", status.name());
        }
        status = EntryStatus.DISQUALIFIED;
        statusReason = requireReason(reason);
        updatedAt = now;
    }

    public void accept(Instant now) {
        decide(EntryStatus.ACCEPTED, null, now);
    }

    public void returnForCorrection(String reason, Instant now) {
        decide(EntryStatus.RETURNED, requireReason(reason), now);
    }

    public void reject(String reason, Instant now) {
        decide(EntryStatus.REJECTED, requireReason(reason), now);
    }

    private void decide(EntryStatus outcome, String reason, Instant now) {
        if (status != EntryStatus.SUBMITTED) {
            throw LaurelException.conflict("entry.notSubmitted", status.name());
        }
        status = outcome;
        statusReason = reason;
        updatedAt = now;
    }

    private static String requireReason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
            throw app.laurel.platform.error.InvalidInputException.of("reason", "validation.length", 1, MAX_REASON);
        }
        return trimmed;
    }

    private void requireEditable() {
        if (!isEditable()) {
            throw LaurelException.conflict("entry.notEditable", status.name());
        }
    }

    public List<EntryFile> files(FileRole role) {
        return files.stream().filter(f -> f.getRole() == role).toList();
    }

    public Long getId() {
        return id;
    }

    public Contest getContest() {
        return contest;
    }

    public EntryType getEntryType() {
        return entryType;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public Account getOwner() {
        return owner;
    }

    public Unit getUnit() {
        return unit;
    }

    public Unit getTownship() {
        return township;
    }

    /**
     * The name an entry is credited to on notices, certificates, prizes and the column: the author given with it,
     * else the account that submitted it (a citizen writing as themself).
     */
    public String getCreditedName() {
        String name = author == null ? null : author.getName();
        return name == null || name.isBlank() ? owner.getDisplayName() : name;
    }

    public Author getAuthor() {
        return author;
    }

    public boolean isOriginalityDeclared() {
        return originalityDeclared;
    }

    public boolean isDisplayConsent() {
        return displayConsent;
    }

    public EntryStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<EntryFile> getFiles() {
        return List.copyOf(files);
    }

    public long getVersion() {
        return version;
    }
}
