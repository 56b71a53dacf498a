package app.laurel.campaign;

import app.laurel.identity.Roles;
import app.laurel.storage.FileReadPolicy;
import app.laurel.storage.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Campaign evidence and documents may be read in full by the reporting unit's administrators and by the reviewers
 * of an office responsible for the task (any office of the campaign for a plan or summary).
 */
@Stateless
public class CampaignFileReadPolicy implements FileReadPolicy {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Access access(StoredFile file, Reader reader) {
        if (reader.is(Roles.UNIT_ADMIN) && unitMayRead(file, reader.username())
                || reader.is(Roles.REVIEWER) && reviewerMayRead(file, reader.username())) {
            return Access.FULL;
        }
        return Access.NONE;
    }

    private boolean unitMayRead(StoredFile file, String caller) {
        Long evidence = em.createQuery("""
                select count(e) from TaskReportEvent e join e.files f, Account a where f = :file and a.username = :caller
                and a.unit is not null and e.report.unit = a.unit""", Long.class)
                .setParameter("file", file).setParameter("caller", caller).getSingleResult();
        Long documents = em.createQuery("""
                select count(d) from CampaignDocument d, Account a where d.file = :file and a.username = :caller
                and a.unit is not null and d.unit = a.unit""", Long.class)
                .setParameter("file", file).setParameter("caller", caller).getSingleResult();
        return evidence + documents > 0;
    }

    private boolean reviewerMayRead(StoredFile file, String caller) {
        Long evidence = em.createQuery("""
                select count(e) from TaskReportEvent e join e.files f join e.report.task.offices o join o.reviewers a
                where f = :file and a.username = :caller""", Long.class)
                .setParameter("file", file).setParameter("caller", caller).getSingleResult();
        Long documents = em.createQuery("""
                select count(d) from CampaignDocument d, Office o join o.reviewers a where d.file = :file
                and o.campaign = d.campaign and a.username = :caller""", Long.class)
                .setParameter("file", file).setParameter("caller", caller).getSingleResult();
        return evidence + documents > 0;
    }
}
