package app.laurel.campaign;

import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * An office's review (审核): the queue of reports on the tasks its reviewers are responsible for, and accepting or
 * returning one with a reason. A reviewer of another office is told the task is not theirs, and nothing changes.
 */
@Stateless
@RolesAllowed(Roles.REVIEWER)
public class ReviewService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private CampaignRepository campaigns;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<TaskReportReturned> returned;

    public List<Campaign> myCampaigns() {
        return campaigns.ofReviewer(caller.name());
    }

    /** The reports on the caller's offices' tasks: waiting ones first (oldest first), then decided ones, newest first. */
    public List<TaskReport> queue(String code, boolean includeDecided) {
        Campaign campaign = campaigns.byCode(code);
        List<TaskReport> reports = em.createQuery("""
                select distinct r from TaskReport r join r.task.offices o join o.reviewers a
                where r.task.campaign = :campaign and a.username = :caller""", TaskReport.class)
                .setParameter("campaign", campaign).setParameter("caller", caller.name()).getResultList();
        return reports.stream()
                .filter(r -> includeDecided || r.getStatus() == ReportStatus.SUBMITTED)
                .sorted(Comparator.comparing((TaskReport r) -> r.getStatus() != ReportStatus.SUBMITTED)
                        .thenComparing(TaskReport::getSubmittedAt))
                .toList();
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public TaskReport report(String code, long reportId) {
        TaskReport report = inCampaign(code, reportId);
        if (!session.isCallerInRole(Roles.ORGANISER) && !session.isCallerInRole(Roles.ADMIN)) {
            requireResponsible(report);
        }
        return report;
    }

    /**
     * Accepts the report as the reviewer saw it: {@code seenVersion} (when given) must still be the report's, so a
     * correction that arrived after the page was loaded is not accepted unseen.
     */
    public TaskReport accept(String code, long reportId, Long seenVersion) {
        TaskReport report = inCampaign(code, reportId);
        requireResponsible(report);
        requireUnchanged(report, seenVersion);
        report.accept(caller.name(), clock.instant());
        audit.record(caller.name(), "CAMPAIGN_REPORT_ACCEPTED", "report:" + reportId, describe(report));
        return report;
    }

    public TaskReport returnForCorrection(String code, long reportId, String reason, Long seenVersion) {
        TaskReport report = inCampaign(code, reportId);
        requireResponsible(report);
        requireUnchanged(report, seenVersion);
        report.returnForCorrection(reason, caller.name(), clock.instant());
        audit.record(caller.name(), "CAMPAIGN_REPORT_RETURNED", "report:" + reportId, describe(report) + ": " + report.getReason());
        returned.fire(new TaskReportReturned(reportId));
        return report;
    }

    private TaskReport inCampaign(String code, long reportId) {
        Campaign campaign = campaigns.byCode(code);
        return campaigns.report(reportId).filter(r -> r.getTask().getCampaign().getId().equals(campaign.getId()))
                .orElseThrow(() -> LaurelException.notFound("campaign.report.notFound"));
    }

    private static void requireUnchanged(TaskReport report, Long seenVersion) {
        if (seenVersion != null && seenVersion != report.getVersion()) {
            throw LaurelException.conflict("campaign.review.changed");
        }
    }

    private void requireResponsible(TaskReport report) {
        if (!report.getTask().isReviewedBy(caller.name())) {
            throw LaurelException.forbidden("campaign.review.notResponsible", report.getTask().getSeq(),
                    report.getTask().getOfficeNames());
        }
    }

    private static String describe(TaskReport report) {
        return "task " + report.getTask().getSeq() + " " + report.getUnit().getName();
    }
}
