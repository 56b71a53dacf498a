package app.laurel.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a just-submitted entry with the contest's other submitted entries and flags near-duplicates.
 * Runs inside the submitting transaction; a resubmitted entry's old flags are replaced.
 */
@ApplicationScoped
public class DuplicateDetector {

    private static final Set<EntryStatus> COMPARED = EnumSet.of(EntryStatus.SUBMITTED, EntryStatus.ACCEPTED,
            EntryStatus.RETURNED, EntryStatus.REJECTED);

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public int flag(Entry submitted, Instant now) {
        em.createQuery("delete from SimilarityFlag f where f.entryA = :entry").setParameter("entry", submitted).executeUpdate();
        Shingles mine = Shingles.of(submitted.comparableText());
        if (mine.isEmpty()) {
            return 0;
        }
        List<Entry> others = em.createNamedQuery("Entry.comparable", Entry.class)
                .setParameter("contest", submitted.getContest()).setParameter("statuses", COMPARED)
                .setParameter("id", submitted.getId()).getResultList();
        int flagged = 0;
        for (Entry other : others) {
            double score = mine.similarity(Shingles.of(other.comparableText()));
            if (score >= SimilarityFlag.THRESHOLD) {
                em.persist(new SimilarityFlag(submitted, other, score, now));
                flagged++;
            }
        }
        return flagged;
    }
}
