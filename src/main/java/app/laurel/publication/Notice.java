package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.judging.Round;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.submission.Entry;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A public notice (公示) of a closed round's selection: drafted by an organiser, published for a period during
 * which anyone may object in writing under their real name, corrected (更正) when an objection is upheld, and
 * finalised once the period is over by the server's clock, when its listed entries become the winners.
 */
@Entity
@Table(name = "notice")
@NamedQuery(name = "Notice.byShortCode", query = "select n from Notice n where n.shortCode = :code")
@NamedQuery(name = "Notice.byContest", query = "select n from Notice n where n.contest = :contest order by n.id")
@NamedQuery(name = "Notice.linksOfContests", query = "select new app.laurel.publication.NoticeLink(n.contest.id, n.shortCode,"
        + " n.title, n.status, n.startsAt, n.endsAt) from Notice n where n.contest.id in :contests and n.status <> :draft order by n.id")
public class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private Round round;

    @Column(name = "short_code", nullable = false, length = 12)
    private String shortCode;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "list_order", nullable = false, length = 8)
    private ListOrder listOrder;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false, length = 200)
    private String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private NoticeStatus status = NoticeStatus.DRAFT;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "finalised_at")
    private Instant finalisedAt;

    @Column(name = "result_text", columnDefinition = "TEXT")
    private String resultText;

    @OneToMany(mappedBy = "notice", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("roundRank")
    private List<NoticeEntry> entries = new ArrayList<>();

    @OneToMany(mappedBy = "notice", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("createdAt")
    private List<NoticeCorrection> corrections = new ArrayList<>();

    @Version
    private long version;

    protected Notice() {
    }

    Notice(Contest contest, Round round, String shortCode, NoticeText text) {
        this.contest = contest;
        this.round = round;
        this.shortCode = shortCode;
        apply(text);
    }

    /** The notice's text and period; only while it is a draft. */
    public void edit(NoticeText text) {
        if (status != NoticeStatus.DRAFT) {
            throw LaurelException.conflict("notice.notDraft");
        }
        apply(text);
    }

    private void apply(NoticeText text) {
        List<FieldError> errors = text.check();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.title = text.title().strip();
        this.body = text.body().strip();
        this.listOrder = text.order();
        this.startsAt = text.startsAt();
        this.endsAt = text.endsAt();
        this.contact = text.contact().strip();
    }

    void list(Entry entry, String code, int rank) {
        entries.add(new NoticeEntry(this, entry, code, rank, null));
    }

    /** Makes the notice public; its period may not already be over. */
    public void publish(Instant now) {
        if (status != NoticeStatus.DRAFT) {
            throw LaurelException.conflict("notice.notDraft");
        }
        if (!now.isBefore(endsAt)) {
            throw InvalidInputException.of("endsAt", "notice.periodOver");
        }
        startsAt = startsIfPublishedAt(now);
        status = NoticeStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * Saves the organiser's text and publishes it in one step, so that what the form showed is what the public
     * reads, never an older saved draft. Refused as a whole if the text is invalid or the period is over.
     */
    public void publish(NoticeText text, Instant now) {
        edit(text);
        publish(now);
    }

    /**
     * When the period will start if published at {@code now}: published after its start, the period runs from
     * publication, so what is printed is what citizens got. The preview shows this too.
     */
    public Instant startsIfPublishedAt(Instant now) {
        return startsAt.isBefore(now) ? now : startsAt;
    }

    /**
     * A correction (更正) of a published notice: the changed title, body, order, end of the period or contact, shown
     * on the notice with its date, its reason and every change (a replaced body printed in full), never silently.
     * The period may be extended but not shortened: people read the printed end and may object up to it.
     */
    public NoticeCorrection correct(CorrectionForm form, Instant now) {
        if (status != NoticeStatus.PUBLISHED) {
            throw LaurelException.conflict("notice.notPublished");
        }
        NoticeText corrected = new NoticeText(form.title() == null ? title : form.title(), form.body() == null ? body : form.body(),
                form.order() == null ? listOrder : form.order(), startsAt, form.endsAt() == null ? endsAt : form.endsAt(),
                form.contact() == null ? contact : form.contact());
        List<FieldError> errors = new ArrayList<>(corrected.check());
        if (corrected.endsAt() != null && corrected.endsAt().isBefore(endsAt)) {
            errors.add(new FieldError("endsAt", "notice.correction.shortened"));
        } else if (corrected.endsAt() != null && corrected.endsAt().isAfter(endsAt) && !corrected.endsAt().isAfter(now)) {
            errors.add(new FieldError("endsAt", "notice.correction.endPassed"));
        }
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new FieldError("reason", "validation.length", 1, 500));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> changes = NoticeChanges.between(this, corrected);
        if (changes.isEmpty()) {
            throw InvalidInputException.of("reason", "notice.correction.nothingChanged");
        }
        apply(corrected);
        NoticeCorrection correction = new NoticeCorrection(this, NoticeChanges.describe(reason, changes, now), now);
        corrections.add(correction);
        return correction;
    }

    /** Objections are taken from the start of the period up to, not including, its end. */
    public boolean isOpenForObjections(Instant now) {
        return phaseAt(now).takesObjections();
    }

    /** The one status the public reads, by the server's clock ({@link NoticePhase}). */
    public NoticePhase phaseAt(Instant now) {
        return NoticePhase.of(status, startsAt, endsAt, now);
    }

    /** As the public will read it once published at {@code now}: what the organiser's preview shows. */
    public NoticePhase phaseIfPublishedAt(Instant now) {
        return NoticePhase.of(NoticeStatus.PUBLISHED, startsIfPublishedAt(now), endsAt, now);
    }

    public void requireOpenForObjections(Instant now) {
        if (!isOpenForObjections(now)) {
            throw LaurelException.conflict(status == NoticeStatus.PUBLISHED && now.isBefore(startsAt)
                    ? "objection.notYet" : "objection.closed");
        }
    }

    /** An upheld objection: the entry goes, the next of the frozen ranking comes in, and the notice says so. */
    void disqualify(NoticeEntry listed, Entry promoted, String promotedCode, int promotedRank, String correction, Instant now) {
        if (status != NoticeStatus.PUBLISHED) {
            throw LaurelException.conflict("notice.notPublished");
        }
        listed.disqualify();
        if (promoted != null) {
            entries.add(new NoticeEntry(this, promoted, promotedCode, promotedRank, now));
        }
        corrections.add(new NoticeCorrection(this, correction, now));
    }

    /** After the period, by the server's clock: the result stands and is announced. */
    public void finalise(String announcement, Instant now) {
        if (status != NoticeStatus.PUBLISHED) {
            throw LaurelException.conflict("notice.notPublished");
        }
        if (now.isBefore(endsAt)) {
            throw LaurelException.conflict("notice.periodNotOver");
        }
        status = NoticeStatus.FINALISED;
        finalisedAt = now;
        resultText = announcement;
    }

    /**
     * Every entry as the notice prints it, disqualified ones included (struck through, with the correction), in the
     * order the organiser chose; units and titles in the collation order of Chinese (by pinyin).
     */
    public List<NoticeEntry> inListOrder() {
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        java.util.Comparator<NoticeEntry> byRank = java.util.Comparator.comparingInt(NoticeEntry::getRoundRank);
        java.util.Comparator<NoticeEntry> order = switch (listOrder) {
            case RANK -> byRank;
            case UNIT -> java.util.Comparator.comparing(NoticeEntry::getUnitName, chinese).thenComparing(byRank);
            case TITLE -> java.util.Comparator.comparing((NoticeEntry e) -> e.getEntry().getTitle(), chinese).thenComparing(byRank);
        };
        return entries.stream().sorted(order).toList();
    }

    public List<NoticeEntry> listed() {
        return entries.stream().filter(NoticeEntry::isListed).toList();
    }

    public Long getId() {
        return id;
    }

    public Contest getContest() {
        return contest;
    }

    public Round getRound() {
        return round;
    }

    public String getShortCode() {
        return shortCode;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public ListOrder getListOrder() {
        return listOrder;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getContact() {
        return contact;
    }

    public NoticeStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getFinalisedAt() {
        return finalisedAt;
    }

    public String getResultText() {
        return resultText;
    }

    public List<NoticeEntry> getEntries() {
        return List.copyOf(entries);
    }

    public List<NoticeCorrection> getCorrections() {
        return List.copyOf(corrections);
    }

    public long getVersion() {
        return version;
    }
}
