package app.laurel.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who wrote or made an entry, as printed on the notice and certificate: the citizen themself, or the person a
 * unit submits for. Never shown to judges.
 */
@Embeddable
public class Author {

    @Column(name = "author_name", length = 50)
    private String name;

    @Column(name = "author_phone", length = 20)
    private String phone;

    @Column(name = "author_org", length = 100)
    private String organisation;

    protected Author() {
    }

    public Author(String name, String phone, String organisation) {
        this.name = name;
        this.phone = phone;
        this.organisation = organisation;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getOrganisation() {
        return organisation;
    }
}
