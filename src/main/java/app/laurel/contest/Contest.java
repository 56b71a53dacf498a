package app.laurel.contest;

import app.laurel.identity.Unit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One call for entries (征集评选活动) with the bodies named on its notices and certificates, its dated phases and
 * its categories. Phases are kept in their natural order; each kind appears at most once.
 */
@Entity
@Table(name = "contest")
@NamedQuery(name = "Contest.byCode", query = "select c from Contest c where c.code = :code")
@NamedQuery(name = "Contest.all", query = "select c from Contest c order by c.createdAt desc")
public class Contest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 200)
    private String theme;

    @Column(columnDefinition = "TEXT")
    private String description;

    @Column(name = "organising_body", length = 200)
    private String organisingBody;

    @Column(name = "undertaking_body", length = 500)
    private String undertakingBody;

    @Column(name = "co_organising_body", length = 500)
    private String coOrganisingBody;

    @Column(length = 200)
    private String contact;

    @Column(nullable = false)
    private boolean sample;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "contest", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<Phase> phases = new ArrayList<>();

    @OneToMany(mappedBy = "contest", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("sortOrder")
    private List<Category> categories = new ArrayList<>();

    @OneToMany(mappedBy = "contest", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<EntryRule> rules = new ArrayList<>();

    @OneToMany(mappedBy = "contest", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ContestUnit> units = new ArrayList<>();

    @Column(name = "public_entry_limit", nullable = false)
    private int publicEntryLimit = 3;

    @Column(name = "public_needs_recommendation", nullable = false)
    private boolean publicNeedsRecommendation;

    @Version
    private long version;

    protected Contest() {
    }

    public Contest(String code, String title, String theme, String description, Instant createdAt) {
        this.code = code;
        this.title = title;
        this.theme = theme;
        this.description = description;
        this.createdAt = createdAt;
    }

    public void describe(String title, String theme, String description) {
        this.title = title;
        this.theme = theme;
        this.description = description;
    }

    public void nameBodies(String organising, String undertaking, String coOrganising, String contact) {
        this.organisingBody = organising;
        this.undertakingBody = undertaking;
        this.coOrganisingBody = coOrganising;
        this.contact = contact;
    }

    public void markAsSample() {
        this.sample = true;
    }

    /** Sets a phase's dates, replacing any earlier dates of the same kind. */
    public void schedule(PhaseKind kind, Instant startsAt, Instant endsAt) {
        // Changed in place: a delete and an insert of the same (contest, kind) in one flush would clash.
        Optional<Phase> existing = phase(kind);
        if (existing.isPresent()) {
            existing.get().reschedule(startsAt, endsAt);
        } else {
            phases.add(new Phase(this, kind, startsAt, endsAt));
        }
    }

    public void addCategory(String name) {
        if (categories.stream().noneMatch(c -> c.getName().equals(name))) {
            categories.add(new Category(this, name, categories.size() + 1));
        }
    }

    public void configureStories(int minChars, int maxChars, int maxImages, boolean attachmentAllowed) {
        replaceRule(EntryRule.story(this, minChars, maxChars, maxImages, attachmentAllowed));
    }

    public void configureVideos(long maxBytes, Integer minSeconds, Integer maxSeconds) {
        replaceRule(EntryRule.video(this, maxBytes, minSeconds, maxSeconds));
    }

    /** Copies into the existing rule of that type if there is one (same row), else adds it. */
    private void replaceRule(EntryRule rule) {
        Optional<EntryRule> existing = rule(rule.getEntryType());
        if (existing.isPresent()) {
            existing.get().copyFrom(rule);
        } else {
            rules.add(rule);
        }
    }

    /** The rules of an entry type; a type without rules is not accepted by this contest. */
    public Optional<EntryRule> rule(EntryType type) {
        return rules.stream().filter(r -> r.getEntryType() == type).findFirst();
    }

    /**
     * How many entries one citizen may submit under their own name, and whether those must be recommended by
     * their township before they count (otherwise they go straight into the pool).
     */
    public void setPublicEntryPolicy(int limit, boolean needsRecommendation) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.publicEntryLimit = limit;
        this.publicNeedsRecommendation = needsRecommendation;
    }

    public ContestUnit enrol(Unit unit, Quota quota) {
        Optional<ContestUnit> existing = participation(unit);
        if (existing.isPresent()) {
            existing.get().setQuota(quota);
            return existing.get();
        }
        ContestUnit participation = new ContestUnit(this, unit, quota);
        units.add(participation);
        return participation;
    }

    public Optional<ContestUnit> participation(Unit unit) {
        return units.stream().filter(u -> sameUnit(u.getUnit(), unit)).findFirst();
    }

    private static boolean sameUnit(Unit a, Unit b) {
        return a == b || (a.getId() != null && a.getId().equals(b.getId()));
    }

    public List<ContestUnit> getUnits() {
        return List.copyOf(units);
    }

    /**
     * The moment after which nothing can be submitted or edited. Citizens: the end of 征集. Units, which report
     * after pre-selecting (摸底推选): the end of that phase when the contest has one; and a unit's extension, if
     * an organiser granted a later one.
     */
    public Optional<Instant> submissionDeadline(Unit unit) {
        Optional<Instant> end = phase(PhaseKind.SUBMISSION).map(Phase::getEndsAt);
        if (unit != null && phase(PhaseKind.UNIT_SELECTION).isPresent()) {
            end = phase(PhaseKind.UNIT_SELECTION).map(Phase::getEndsAt);
        }
        Optional<Instant> extension = unit == null ? Optional.empty() : participation(unit).flatMap(ContestUnit::getExtendedUntil);
        if (extension.isPresent() && end.isPresent() && extension.get().isAfter(end.get())) {
            return extension;
        }
        return end;
    }

    /** Whether entries (for this unit, or a citizen's when null) may be created, edited or submitted now. */
    public boolean isOpenForSubmissions(Unit unit, Instant now) {
        Optional<Phase> submission = phase(PhaseKind.SUBMISSION);
        Optional<Instant> deadline = submissionDeadline(unit);
        return submission.isPresent() && deadline.isPresent()
                && !now.isBefore(submission.get().getStartsAt()) && now.isBefore(deadline.get());
    }

    public Optional<Category> category(Long categoryId) {
        return categories.stream().filter(c -> c.getId() != null && c.getId().equals(categoryId)).findFirst();
    }

    public int getPublicEntryLimit() {
        return publicEntryLimit;
    }

    public boolean isPublicNeedsRecommendation() {
        return publicNeedsRecommendation;
    }

    public Optional<Phase> phase(PhaseKind kind) {
        return phases.stream().filter(p -> p.getKind() == kind).findFirst();
    }

    /** Whether citizens may submit now; a unit may have a later deadline (see {@link #isOpenForSubmissions}). */
    public boolean isAcceptingEntriesAt(Instant now) {
        return isOpenForSubmissions(null, now);
    }

    public List<Phase> getPhases() {
        return phases.stream().sorted(Comparator.comparing(Phase::getKind)).toList();
    }

    public List<Category> getCategories() {
        return List.copyOf(categories);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getTheme() {
        return theme;
    }

    public String getDescription() {
        return description;
    }

    public String getOrganisingBody() {
        return organisingBody;
    }

    public String getUndertakingBody() {
        return undertakingBody;
    }

    public String getCoOrganisingBody() {
        return coOrganisingBody;
    }

    public String getContact() {
        return contact;
    }

    public long getVersion() {
        return version;
    }

    public boolean isSample() {
        return sample;
    }
}
