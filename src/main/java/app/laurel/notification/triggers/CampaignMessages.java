package app.laurel.notification.triggers;

import app.laurel.campaign.TaskReport;
import app.laurel.campaign.TaskReportReturned;
import app.laurel.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Tells a unit's administrators that an office returned their report on a campaign task, with the office's reason.
 * A report may be returned again after its correction: the key holds the moment of each return.
 */
@ApplicationScoped
public class CampaignMessages {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private Recipients recipients;

    void returned(@Observes TaskReportReturned event) {
        TaskReport report = em.find(TaskReport.class, event.reportId());
        long unit = report.getUnit().getId();
        for (Long admin : recipients.unitAdmins(List.of(unit)).getOrDefault(unit, List.of())) {
            outbox.toAccount(admin, "campaignReturned", "report:" + report.getId() + ":returned:" + report.getDecidedAt().toEpochMilli(),
                    report.getTask().getCampaign().getTitle(), report.getTask().getSeq(), report.getReason(),
                    report.getUnit().getName());
        }
    }
}
