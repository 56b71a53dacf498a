package app.laurel.campaign.web;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.CampaignService;
import app.laurel.campaign.CellStatus;
import app.laurel.campaign.ProgressMatrix;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** {@code /organiser/campaign-matrix.xhtml?campaign=YY2020}: units × tasks with filters, export and per-unit PDFs. */
@Named
@ViewScoped
public class MatrixBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CampaignService campaigns;

    private String code;
    private Long officeId;
    private CellStatus status;
    private transient Campaign campaign;
    private transient ProgressMatrix matrix;
    private transient java.util.Map<Long, java.util.List<app.laurel.campaign.CampaignDocument>> documents;

    public void load() {
        campaign = NotFound.unless(() -> campaigns.campaign(code));
    }

    public void filter() {
        matrix = null;
    }

    public Campaign getCampaign() {
        if (campaign == null) {
            campaign = campaigns.campaign(code);
        }
        return campaign;
    }

    public ProgressMatrix getMatrix() {
        if (matrix == null) {
            matrix = campaigns.matrix(code, officeId, status);
        }
        return matrix;
    }

    /** Each unit's plan and summary documents, to open from its row. */
    public java.util.Map<Long, java.util.List<app.laurel.campaign.CampaignDocument>> getDocuments() {
        if (documents == null) {
            documents = campaigns.documents(code);
        }
        return documents;
    }

    public CellStatus[] getStatuses() {
        return CellStatus.values();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Long getOfficeId() { return officeId; }
    public void setOfficeId(Long officeId) { this.officeId = officeId; }
    public CellStatus getStatus() { return status; }
    public void setStatus(CellStatus status) { this.status = status; }
}
