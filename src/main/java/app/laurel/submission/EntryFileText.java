package app.laurel.submission;

import app.laurel.storage.JudgeText;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Tells storage what judges must not read in an entry's document: what {@link BlindText#forJudges} hides in its story. */
@Stateless
public class EntryFileText implements JudgeText {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Optional<Blinding> forJudges(long fileId) {
        return em.createQuery("select ef.entry from EntryFile ef where ef.file.id = :file", Entry.class)
                .setParameter("file", fileId).setMaxResults(1).getResultList().stream().findFirst()
                .map(BlindText::forJudges).map(blind -> new Blinding(blind.key(), blind::text));
    }
}
