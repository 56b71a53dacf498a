package app.laurel.campaign;

import app.laurel.identity.Unit;
import app.laurel.platform.error.LaurelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Campaigns and their reports in the database. Joins the caller's transaction; has no rules of its own. */
@ApplicationScoped
public class CampaignRepository {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public Campaign byCode(String code) {
        if (code == null || !code.matches(Campaign.CODE_PATTERN)) {
            throw LaurelException.notFound("campaign.notFound");
        }
        return em.createNamedQuery("Campaign.byCode", Campaign.class).setParameter("code", code)
                .getResultStream().findFirst().orElseThrow(() -> LaurelException.notFound("campaign.notFound"));
    }

    public boolean exists(String code) {
        return !em.createNamedQuery("Campaign.byCode", Campaign.class).setParameter("code", code).getResultList().isEmpty();
    }

    public List<Campaign> all() {
        return em.createNamedQuery("Campaign.all", Campaign.class).getResultList();
    }

    /** The campaigns a unit takes part in, newest first. */
    public List<Campaign> ofUnit(Unit unit) {
        return em.createQuery("select distinct cu.campaign from CampaignUnit cu where cu.unit = :unit", Campaign.class)
                .setParameter("unit", unit).getResultList();
    }

    /** The campaigns in which a reviewer belongs to an office. */
    public List<Campaign> ofReviewer(String username) {
        return em.createQuery("select distinct o.campaign from Office o join o.reviewers a where a.username = :username",
                Campaign.class).setParameter("username", username).getResultList();
    }

    public List<TaskReport> reports(Campaign campaign) {
        return em.createNamedQuery("TaskReport.byCampaign", TaskReport.class).setParameter("campaign", campaign).getResultList();
    }

    public Optional<TaskReport> report(CampaignTask task, Unit unit) {
        return em.createNamedQuery("TaskReport.byTaskAndUnit", TaskReport.class).setParameter("task", task)
                .setParameter("unit", unit).getResultStream().findFirst();
    }

    public Optional<TaskReport> report(long id) {
        return Optional.ofNullable(em.find(TaskReport.class, id));
    }

    public List<CampaignDocument> documents(Campaign campaign, Unit unit) {
        return em.createNamedQuery("CampaignDocument.ofUnit", CampaignDocument.class).setParameter("campaign", campaign)
                .setParameter("unit", unit).getResultList();
    }

    /** Every unit's plans and summaries in the campaign, oldest first. */
    public List<CampaignDocument> documents(Campaign campaign) {
        return em.createQuery("select d from CampaignDocument d where d.campaign = :campaign order by d.uploadedAt", CampaignDocument.class)
                .setParameter("campaign", campaign).getResultList();
    }

    public void add(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
