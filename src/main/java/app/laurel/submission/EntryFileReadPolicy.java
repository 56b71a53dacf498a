package app.laurel.submission;

import app.laurel.identity.Roles;
import app.laurel.storage.FileReadPolicy;
import app.laurel.storage.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** An entry's files may be read in full by the administrators of the unit (or township) whose entry holds them. */
@Stateless
public class EntryFileReadPolicy implements FileReadPolicy {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Access access(StoredFile file, Reader reader) {
        if (!reader.is(Roles.UNIT_ADMIN)) {
            return Access.NONE;
        }
        Long count = em.createQuery("""
                select count(ef) from EntryFile ef, Account a where ef.file = :file and a.username = :caller
                and a.unit is not null and (ef.entry.unit = a.unit or ef.entry.township = a.unit)""", Long.class)
                .setParameter("file", file).setParameter("caller", reader.username()).getSingleResult();
        return count > 0 ? Access.FULL : Access.NONE;
    }
}
