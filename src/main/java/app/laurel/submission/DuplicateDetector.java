package app.laurel.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Checks one entry against the contest's other entries through the {@link SimilarityIndex} and flags the
 * near-duplicates. Runs inside the caller's transaction (the {@link SimilaritySweep}'s, after the submission has
 * committed); its cost follows the number of candidates, not the size of the contest. An entry checked again (resubmitted after being returned) loses every flag it was part
 * of, on either side, and gets them anew from its new text.
 */
@ApplicationScoped
public class DuplicateDetector {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    /**
     * Marks a submitted entry as not yet checked, in the submission's transaction: the {@link SimilaritySweep}
     * checks it once that commits. Row locks on the entry's own sketch and index rows, nothing the contest's other
     * entries need.
     */
    public void requeue(Entry entry) {
        try {
            SimilarityIndex.forget(em.unwrap(Connection.class), List.of(entry.getId()));
        } catch (SQLException e) {
            throw new PersistenceException("requeueing the duplicate check of entry " + entry.getId(), e);
        }
    }

    /**
     * Checks one chunk of a contest-wide pass ({@link ContestSimilarity}): indexes the chunk's entries and replaces
     * their flags with those the pass found, in the caller's transaction. Returns how many entries it checked.
     */
    public int flag(ContestSimilarity.Plan plan, List<Long> chunk, Instant now) {
        Set<Long> checked;
        try {
            checked = plan.index(em.unwrap(Connection.class), chunk);
        } catch (SQLException e) {
            throw new PersistenceException("duplicate check of " + chunk.size() + " entries", e);
        }
        if (!checked.isEmpty()) {
            em.createNamedQuery("SimilarityFlag.deleteOfEntries").setParameter("entryIds", checked).executeUpdate();
        }
        for (ContestSimilarity.Pair pair : plan.foundBy(checked)) {
            em.persist(new SimilarityFlag(em.find(Entry.class, pair.later()), em.getReference(Entry.class, pair.earlier()),
                    pair.containment(), now));
        }
        return checked.size();
    }

    public int flag(Entry entry, Instant now) {
        em.createNamedQuery("SimilarityFlag.deleteOfEntry").setParameter("entryId", entry.getId()).executeUpdate();
        List<SimilarityIndex.Match> matches;
        try {
            // The connection of this transaction, so that the index and the flags commit or roll back together.
            matches = SimilarityIndex.check(em.unwrap(Connection.class), entry.getContest().getId(), entry.getId(),
                    entry.comparableText());
        } catch (SQLException e) {
            throw new PersistenceException("duplicate check of entry " + entry.getId(), e);
        }
        for (SimilarityIndex.Match match : matches) {
            em.persist(new SimilarityFlag(entry, em.getReference(Entry.class, match.entryId()), match.containment(), now));
        }
        return matches.size();
    }
}
