package app.laurel.campaign.web;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.CampaignService;
import app.laurel.campaign.Comparison;
import app.laurel.campaign.NewTask;
import app.laurel.campaign.TaskImport;
import app.laurel.platform.sheet.SheetRows;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;

/**
 * {@code /organiser/campaign.xhtml?campaign=YY2020}, one campaign's set-up: phases, offices and reviewers, units,
 * tasks by hand or imported from a sheet, and a unit's deadline extension. The list and a new campaign are
 * {@link CampaignsBacking}'s.
 */
@Named
@ViewScoped
public class CampaignSetupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CampaignService campaigns;

    private String code;
    private String phaseName;
    private LocalDate phaseStart;
    private LocalDate phaseEnd;
    private String officeName;
    private Long reviewerOfficeId;
    private String reviewerUsername;
    private String unitName;
    private String taskText;
    private String taskEvidence;
    private String taskOffices;
    private String taskComparison;
    private BigDecimal taskTarget;
    private String taskUnit;
    private LocalDate taskDue;
    private Long extensionUnitId;
    private LocalDate extensionUntil;
    private String extensionReason;
    private transient Part sheet;
    private transient Campaign campaign;

    /** {@code campaign.xhtml} edits one campaign: without one (new ones start on the list) or an unknown one, 404. */
    public void load() {
        campaign = NotFound.unless(() -> campaigns.campaign(code));
    }

    public void addPhase() {
        run(() -> campaign = campaigns.addPhase(code, phaseName, phaseStart, phaseEnd));
    }

    public void addOffice() {
        run(() -> campaigns.addOffice(code, officeName));
    }

    public void addReviewer() {
        run(() -> campaigns.addReviewer(code, reviewerOfficeId, reviewerUsername));
    }

    public void enrol() {
        run(() -> campaigns.enrolUnit(code, unitName));
    }

    public void addTask() {
        run(() -> campaigns.addTask(code, new NewTask(taskText, taskEvidence, Collections.singletonList(taskOffices),
                taskComparison, taskTarget, taskUnit, taskDue == null ? null : TaskImport.endOfDay(taskDue))));
    }

    /** The import form is a plain multipart post: the sheet is read once, at most 2 MB, and checked row by row. */
    public void importSheet() {
        if (sheet == null || sheet.getSize() == 0) {
            FacesFeedback.error("campaign.import.choose");
            return;
        }
        try (InputStream in = sheet.getInputStream()) {
            byte[] content = SheetRows.readAtMost(in, app.laurel.campaign.CampaignService.MAX_IMPORT_BYTES, "campaign.import");
            int added = campaigns.importTasks(code, sheet.getSubmittedFileName(), content).size();
            campaign = null;
            FacesFeedback.info("campaign.import.done", added);
        } catch (IOException e) {
            FacesFeedback.error("campaign.import.unreadable");
        }
    }

    public void extend() {
        run(() -> campaigns.extendDeadline(code, extensionUnitId,
                extensionUntil == null ? null : TaskImport.endOfDay(extensionUntil), extensionReason));
    }

    /** A refusal is shown by the page handler (PageFailures), beside its field in the form that was posted. */
    private void run(Runnable action) {
        action.run();
        campaign = null;
        FacesFeedback.info("campaign.saved");
    }

    public Campaign getCampaign() {
        if (campaign == null && code != null) {
            campaign = campaigns.campaign(code);
        }
        return campaign;
    }

    public Comparison[] getComparisons() {
        return Comparison.values();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPhaseName() { return phaseName; }
    public void setPhaseName(String phaseName) { this.phaseName = phaseName; }
    public LocalDate getPhaseStart() { return phaseStart; }
    public void setPhaseStart(LocalDate phaseStart) { this.phaseStart = phaseStart; }
    public LocalDate getPhaseEnd() { return phaseEnd; }
    public void setPhaseEnd(LocalDate phaseEnd) { this.phaseEnd = phaseEnd; }
    public String getOfficeName() { return officeName; }
    public void setOfficeName(String officeName) { this.officeName = officeName; }
    public Long getReviewerOfficeId() { return reviewerOfficeId; }
    public void setReviewerOfficeId(Long reviewerOfficeId) { this.reviewerOfficeId = reviewerOfficeId; }
    public String getReviewerUsername() { return reviewerUsername; }
    public void setReviewerUsername(String reviewerUsername) { this.reviewerUsername = reviewerUsername; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String unitName) { this.unitName = unitName; }
    public String getTaskText() { return taskText; }
    public void setTaskText(String taskText) { this.taskText = taskText; }
    public String getTaskEvidence() { return taskEvidence; }
    public void setTaskEvidence(String taskEvidence) { this.taskEvidence = taskEvidence; }
    public String getTaskOffices() { return taskOffices; }
    public void setTaskOffices(String taskOffices) { this.taskOffices = taskOffices; }
    public String getTaskComparison() { return taskComparison; }
    public void setTaskComparison(String taskComparison) { this.taskComparison = taskComparison; }
    public BigDecimal getTaskTarget() { return taskTarget; }
    public void setTaskTarget(BigDecimal taskTarget) { this.taskTarget = taskTarget; }
    public String getTaskUnit() { return taskUnit; }
    public void setTaskUnit(String taskUnit) { this.taskUnit = taskUnit; }
    public LocalDate getTaskDue() { return taskDue; }
    public void setTaskDue(LocalDate taskDue) { this.taskDue = taskDue; }
    public Long getExtensionUnitId() { return extensionUnitId; }
    public void setExtensionUnitId(Long extensionUnitId) { this.extensionUnitId = extensionUnitId; }
    public LocalDate getExtensionUntil() { return extensionUntil; }
    public void setExtensionUntil(LocalDate extensionUntil) { this.extensionUntil = extensionUntil; }
    public String getExtensionReason() { return extensionReason; }
    public void setExtensionReason(String extensionReason) { this.extensionReason = extensionReason; }
    public Part getSheet() { return sheet; }
    public void setSheet(Part sheet) { this.sheet = sheet; }
}
