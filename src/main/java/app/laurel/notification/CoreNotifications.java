package app.laurel.notification;

import app.laurel.judging.JudgesReminded;
import app.laurel.submission.Entry;
import app.laurel.submission.EntrySubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns the entry receipt and the organiser's "remind judges" into messages. Synchronous observers: they run inside
 * the action's transaction, so the message is queued exactly when the action commits (and a retried submission
 * queues it once).
 */
@ApplicationScoped
public class CoreNotifications {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    /** Each submitted version gets its receipt (a correction is a new version under the same receipt number). */
    void entrySubmitted(@Observes EntrySubmitted event) {
        Entry entry = em.find(Entry.class, event.entryId());
        outbox.toAccount(entry.getOwner().getId(), "entryReceipt", "entry:" + entry.getId() + ":v" + entry.getRevision(),
                entry.getContest().getTitle(), entry.getTitle(), entry.getReceiptNo());
    }

    /**
     * One reminder per judge per round per hour: a second press within the same hour (a double click, two organisers)
     * does not message the judges again, a press the next morning does.
     */
    void judgesReminded(@Observes JudgesReminded event) {
        if (event.judges().isEmpty()) {
            return;
        }
        String key = "round:" + event.roundId() + ":" + clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<Long> judges = em.createQuery("select a.id from Account a where a.username in :names order by a.id", Long.class)
                .setParameter("names", event.judges()).getResultList();
        for (long judge : judges) {
            outbox.toAccount(judge, "judgesReminded", key, event.roundName());
        }
    }
}
