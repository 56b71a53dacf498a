package app.laurel.contest;

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
        phases.removeIf(p -> p.getKind() == kind);
        phases.add(new Phase(this, kind, startsAt, endsAt));
    }

    public void addCategory(String name) {
        if (categories.stream().noneMatch(c -> c.getName().equals(name))) {
            categories.add(new Category(this, name, categories.size() + 1));
        }
    }

    public Optional<Phase> phase(PhaseKind kind) {
        return phases.stream().filter(p -> p.getKind() == kind).findFirst();
    }

    public boolean isAcceptingEntriesAt(Instant now) {
        return phase(PhaseKind.SUBMISSION).map(p -> p.isOpenAt(now)).orElse(false);
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

    public boolean isSample() {
        return sample;
    }
}
