package app.laurel.campaign.web;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.CampaignService;
import app.laurel.campaign.NewCampaign;
import app.laurel.platform.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** {@code /organiser/campaigns.xhtml}: the campaigns, and a new one (its set-up is {@link CampaignSetupBacking}'s page). */
@Named
@ViewScoped
public class CampaignsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CampaignService campaigns;

    private String newCode;
    private String newTitle;
    private String newDocumentNo;
    private transient List<Campaign> list;

    public String create() {
        Campaign created = campaigns.create(new NewCampaign(newCode, newTitle, newDocumentNo));
        FacesFeedback.flashInfo("campaign.created");
        return "/organiser/campaign?faces-redirect=true&campaign=" + created.getCode();
    }

    public List<Campaign> getList() {
        if (list == null) {
            list = campaigns.list();
        }
        return list;
    }

    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
    public String getNewTitle() { return newTitle; }
    public void setNewTitle(String newTitle) { this.newTitle = newTitle; }
    public String getNewDocumentNo() { return newDocumentNo; }
    public void setNewDocumentNo(String newDocumentNo) { this.newDocumentNo = newDocumentNo; }
}
