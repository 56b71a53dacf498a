package app.laurel.campaign.web;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.CampaignDocument;
import app.laurel.campaign.DocumentKind;
import app.laurel.campaign.ReportService;
import app.laurel.campaign.UnitTask;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.storage.StoredFile;
import app.laurel.storage.UploadService;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /unit/campaign.xhtml?campaign=YY2020}: a unit's task list on a phone, the report form of one task with its
 * evidence uploads (the resumable uploader stores and checks each file, then {@link #attach()} remembers it for the
 * report), and the plan and summary documents. Without a campaign parameter it opens the unit's first campaign.
 */
@Named
@ViewScoped
public class UnitCampaignBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportService reports;

    @EJB
    private UploadService uploads;

    private String code;
    private Long taskId;
    private String text;
    private String value;
    /** The version of the report the form was opened on (-1: there was none), kept in a hidden field. */
    private Long reportVersion;
    /** Evidence stored for the open report form, by file id: the name shown until the report is sent. */
    private final Map<Long, String> pending = new LinkedHashMap<>();
    private transient List<Campaign> campaigns;
    private transient List<UnitTask> tasks;
    private transient List<CampaignDocument> documents;

    /** A campaign named but not among the caller's is a 404, like an unknown one. */
    public void load() {
        if (code == null || code.isBlank()) {
            code = getCampaigns().isEmpty() ? null : getCampaigns().get(0).getCode();
        } else if (getCampaign() == null) {
            NotFound.answer();
        }
    }

    public void open(long id) {
        taskId = id;
        pending.clear();
        UnitTask task = getTask();
        text = task == null || task.report() == null ? null : task.report().getText();
        reportVersion = task == null || task.report() == null ? -1L : task.report().getVersion();
        value = task == null || task.report() == null || task.report().getValue() == null ? null
                : task.report().getValue().stripTrailingZeros().toPlainString();
    }

    public void close() {
        taskId = null;
        pending.clear();
    }

    /** Called by the uploader's remote command with the stored file's id and its role (EVIDENCE, PLAN, SUMMARY). */
    public void attach() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            long fileId = Long.parseLong(params.get("fileId"));
            String role = params.get("role");
            if ("EVIDENCE".equals(role)) {
                StoredFile file = uploads.ownFile(fileId);
                pending.put(file.getId(), file.getOriginalName());
            } else {
                reports.addDocument(code, DocumentKind.valueOf(role), fileId);
                documents = null;
                FacesFeedback.info("campaign.document.added");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            FacesFeedback.error("api.badRequest");
        }
    }

    public void removePending(long fileId) {
        pending.remove(fileId);
    }

    public void submit() {
        reports.submit(code, taskId, text, value, new ArrayList<>(pending.keySet()), reportVersion);
        FacesFeedback.info("campaign.report.sent");
        tasks = null;
        close();
    }

    public Long getReportVersion() {
        return reportVersion;
    }

    public void setReportVersion(Long reportVersion) {
        this.reportVersion = reportVersion;
    }

    public List<Campaign> getCampaigns() {
        if (campaigns == null) {
            campaigns = reports.myCampaigns();
        }
        return campaigns;
    }

    public Campaign getCampaign() {
        return getCampaigns().stream().filter(c -> c.getCode().equals(code)).findFirst().orElse(null);
    }

    public List<UnitTask> getTasks() {
        if (tasks == null) {
            tasks = getCampaign() == null ? List.of() : reports.myTasks(code);
        }
        return tasks;
    }

    public UnitTask getTask() {
        return taskId == null ? null : getTasks().stream().filter(t -> t.task().getId().equals(taskId)).findFirst().orElse(null);
    }

    public List<CampaignDocument> getDocuments() {
        if (documents == null) {
            documents = getCampaign() == null ? List.of() : reports.myDocuments(code);
        }
        return documents;
    }

    public List<Map.Entry<Long, String>> getPending() {
        return new ArrayList<>(pending.entrySet());
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Long getTaskId() { return taskId; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
