package app.laurel.notification.triggers;

import app.laurel.notification.Outbox;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryScreened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Objects;

/**
 * Tells the person who submitted an entry what screening decided: accepted, returned for correction (with the
 * reason, and that they may correct it), or rejected (with the reason). One message per decision on each
 * submission: the key holds the entry's revision, so a second return after a correction is a new message.
 */
@ApplicationScoped
public class ScreeningMessages {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    void screened(@Observes EntryScreened event) {
        Entry entry = em.find(Entry.class, event.entryId());
        String template = switch (event.decision()) {
            case ACCEPT -> "entryAccepted";
            case RETURN -> "entryReturned";
            case REJECT -> "entryRejected";
        };
        outbox.toAccount(entry.getOwner().getId(), template,
                "entry:" + entry.getId() + ":r" + event.revision() + ":" + event.decision(),
                entry.getContest().getTitle(), Objects.toString(entry.getTitle(), ""), entry.getReceiptNo(),
                Objects.toString(entry.getStatusReason(), ""));
    }
}
