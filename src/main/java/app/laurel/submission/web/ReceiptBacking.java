package app.laurel.submission.web;

import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryVersion;
import app.laurel.submission.SubmissionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.util.List;

/**
 * {@code /entries/receipt.xhtml?id=7}: the receipt (回执) of a submitted entry, printable: the current version, and
 * when it was corrected, every version with its files' SHA-256 under the same receipt number.
 */
@Named
@RequestScoped
public class ReceiptBacking {

    @Inject
    private SubmissionService submissions;

    private Long id;
    private Entry entry;
    private List<EntryVersion> versions;

    public void load() throws IOException {
        if (id == null) {
            NotFound.answer();
            return;
        }
        entry = NotFound.unless(() -> submissions.entry(id));
        if (entry != null && entry.getReceiptNo() == null) {
            NotFound.answer(); // a draft has no receipt yet
        }
    }

    /** The entry's submitted versions, newest first: the history a corrected receipt shows. */
    public List<EntryVersion> getVersions() {
        if (versions == null) {
            versions = submissions.versions(id);
        }
        return versions;
    }

    public Entry getEntry() {
        return entry;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
