package app.laurel.campaign;

import app.laurel.identity.Account;
import app.laurel.identity.Role;
import app.laurel.platform.error.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An office (责任科室) of a campaign: 办公室, 基教科, 安全科 … It reviews the reports on the tasks it is responsible for,
 * through its reviewers (accounts with the REVIEWER role).
 */
@Entity
@Table(name = "campaign_office")
public class Office {

    public static final int MAX_NAME = 50;

    /** What people put between office names in one field or cell: spaces (also 全角), 、，,；; and slashes. */
    private static final Pattern BETWEEN_NAMES = Pattern.compile("[\\s\u3000、，,；;/／]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @ManyToMany
    @JoinTable(name = "campaign_office_reviewer", joinColumns = @JoinColumn(name = "office_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> reviewers = new HashSet<>();

    /** The office names in one field as the page, the API and the import give them: "基教科 职成科、民办科". */
    public static List<String> names(String text) {
        return text == null ? List.of() : Arrays.stream(BETWEEN_NAMES.split(text.strip())).filter(s -> !s.isEmpty()).toList();
    }

    protected Office() {
    }

    Office(Campaign campaign, String name, int sortOrder) {
        this.campaign = campaign;
        this.name = name;
        this.sortOrder = sortOrder;
    }

    /** Ties a reviewer to this office; only a REVIEWER account may review, so no one else can be tied. */
    public void addReviewer(Account account) {
        if (!account.hasRole(Role.REVIEWER)) {
            throw InvalidInputException.of("username", "campaign.office.notReviewer", account.getUsername());
        }
        reviewers.add(account);
    }

    public boolean hasReviewer(String username) {
        return reviewers.stream().anyMatch(a -> a.getUsername().equals(username));
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public String getName() {
        return name;
    }

    public List<String> getReviewerNames() {
        return reviewers.stream().map(Account::getUsername).sorted().toList();
    }
}
