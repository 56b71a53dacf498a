package app.laurel.campaign.web;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.ReviewService;
import app.laurel.campaign.TaskReport;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /review/index.xhtml?campaign=YY2020}: an office reviewer's queue, with accept or return (with a reason) on
 * each waiting report. Without a campaign parameter it opens the reviewer's first campaign.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReviewService reviews;

    private String code;
    private boolean all;
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> reasonErrors = new HashMap<>();
    private transient List<Campaign> campaigns;
    private transient List<TaskReport> queue;

    /** A campaign named but not among the caller's is a 404, like an unknown one. */
    public void load() {
        if (code == null || code.isBlank()) {
            code = getCampaigns().isEmpty() ? null : getCampaigns().get(0).getCode();
        } else if (getCampaign() == null) {
            NotFound.answer();
        }
    }

    /** Decides on the report as this page showed it: the queue holds the version that was rendered. */
    public void accept(long reportId) {
        decide(() -> reviews.accept(code, reportId, shownVersion(reportId)), "campaign.review.accepted");
    }

    /**
     * Returns the report with the reason typed beside it. A refused reason is said beside that report's reason field
     * (the inputs repeat per report, so the refusal is kept per report id rather than found by a field id).
     */
    public void returnReport(long reportId) {
        try {
            decide(() -> reviews.returnForCorrection(code, reportId, reasons.get(reportId), shownVersion(reportId)),
                    "campaign.review.returned");
        } catch (InvalidInputException refused) {
            FieldError reason = refused.errors().stream().filter(e -> "reason".equals(e.field())).findFirst().orElseThrow(() -> refused);
            FacesContext faces = FacesContext.getCurrentInstance();
            reasonErrors.put(reportId, Messages.text(Messages.supported(faces.getViewRoot().getLocale()), reason.messageKey(), reason.args()));
            faces.validationFailed();
        }
    }

    public Map<Long, String> getReasonErrors() {
        return reasonErrors;
    }

    private Long shownVersion(long reportId) {
        return queue == null ? null : queue.stream().filter(r -> r.getId() == reportId).map(TaskReport::getVersion).findFirst().orElse(null);
    }

    public void refresh() {
        queue = null;
    }

    private void decide(Runnable decision, String done) {
        reasonErrors.clear();
        decision.run();
        queue = null;
        FacesFeedback.info(done);
    }

    public List<Campaign> getCampaigns() {
        if (campaigns == null) {
            campaigns = reviews.myCampaigns();
        }
        return campaigns;
    }

    public Campaign getCampaign() {
        return getCampaigns().stream().filter(c -> c.getCode().equals(code)).findFirst().orElse(null);
    }

    public List<TaskReport> getQueue() {
        if (queue == null) {
            queue = getCampaign() == null ? List.of() : reviews.queue(code, all);
        }
        return queue;
    }

    public Map<Long, String> getReasons() { return reasons; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isAll() { return all; }
    public void setAll(boolean all) { this.all = all; }
}
