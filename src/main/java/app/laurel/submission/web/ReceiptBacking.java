package app.laurel.submission.web;

import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.SubmissionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;

/** {@code /entries/receipt.xhtml?id=7}: the receipt (回执) of a submitted entry, printable. */
@Named
@RequestScoped
public class ReceiptBacking {

    @Inject
    private SubmissionService submissions;

    private Long id;
    private Entry entry;

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
