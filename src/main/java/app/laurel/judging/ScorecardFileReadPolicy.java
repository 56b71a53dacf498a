package app.laurel.judging;

import app.laurel.identity.Roles;
import app.laurel.storage.FileReadPolicy;
import app.laurel.storage.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A judge reads the files of entries on their own scorecards only (conflicted judges have none), and only as a
 * blind copy: they score without knowing whose work it is.
 */
@Stateless
public class ScorecardFileReadPolicy implements FileReadPolicy {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Access access(StoredFile file, Reader reader) {
        if (!reader.is(Roles.JUDGE)) {
            return Access.NONE;
        }
        Long count = em.createQuery("""
                select count(s) from Scorecard s, EntryFile ef where ef.file = :file and ef.entry = s.roundEntry.entry
                and s.judge.username = :caller and not exists (select c from Conflict c where c.entry = ef.entry
                and c.judge.username = :caller)""", Long.class)
                .setParameter("file", file).setParameter("caller", reader.username()).getSingleResult();
        return count > 0 ? Access.BLIND_COPY : Access.NONE;
    }
}
