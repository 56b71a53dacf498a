package app.laurel.publication.web;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.platform.web.PublicUrl;
import app.laurel.publication.BatchProgress;
import app.laurel.publication.Certificate;
import app.laurel.publication.CertificateBatches;
import app.laurel.publication.CertificateService;
import app.laurel.publication.CertificateTemplate;
import app.laurel.publication.SealImage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /organiser/certificates.xhtml?contest=HY2021}: the certificate template with its seal and a preview,
 * issuing certificates to the winners, the batch ZIP with a progress bar, and revocation picked from the list. A
 * seal with an opaque background is accepted but the page says, beside it, that it will cover the issuer.
 */
@Named
@ViewScoped
public class CertificatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CertificateService certificates;

    @Inject
    private CertificateBatches batches;

    @Inject
    private BatchProgress progress;

    @Inject
    private LaurelConfig config;

    private String contestCode;
    private String title;
    private String body;
    private String award;
    private String issuer;
    private LocalDate issuedOn;
    private Long sealFileId;
    private transient Part seal;
    private String jobId;
    private String revokeSerial;
    private String revokeReason;
    private SealImage.Verdict sealVerdict;
    private transient List<Certificate> list;

    public void load() {
        CertificateTemplate template = NotFound.unless(() -> certificates.template(contestCode));
        if (template != null) {
            title = template.getTitle();
            body = template.getBody();
            award = template.getAward();
            issuer = template.getIssuer();
            issuedOn = template.getIssuedOn();
            sealFileId = template.getSeal() == null ? null : template.getSeal().getId();
        }
        sealVerdict = certificates.sealCheck(contestCode);
    }

    public void save() {
        try {
            CertificateTemplate saved = seal != null && seal.getSize() > 0
                    ? certificates.saveTemplate(contestCode, title, body, award, issuer, issuedOn,
                    new CertificateService.SealUpload(seal.getSubmittedFileName(), seal.getSize(), seal.getInputStream()))
                    : certificates.saveTemplate(contestCode, title, body, award, issuer, issuedOn, sealFileId);
            sealFileId = saved.getSeal() == null ? null : saved.getSeal().getId();
            sealVerdict = certificates.sealCheck(contestCode);
            FacesFeedback.info("certificate.templateSaved");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void issue() {
        list = certificates.issue(contestCode);
        FacesFeedback.info("certificate.issued", list.size());
    }

    /** Starts the ZIP in the background; the page polls {@link #getBatch()} for the progress bar. */
    public void startBatch() {
        String base = PublicUrl.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(), config);
        jobId = batches.start(contestCode, base);
        batches.run(jobId, contestCode, base);
    }

    /** Opens the revocation form for one certificate of the list; nothing changes until it is confirmed. */
    public void pick(String serial) {
        revokeSerial = serial;
        revokeReason = null;
    }

    public void cancelRevoke() {
        revokeSerial = null;
        revokeReason = null;
    }

    public void revoke() {
        certificates.revoke(revokeSerial, revokeReason);
        list = null;
        revokeSerial = null;
        revokeReason = null;
        FacesFeedback.info("certificate.revokedMessage");
    }

    /** The certificate picked for revocation, from the list. */
    public Certificate getPicked() {
        return revokeSerial == null ? null
                : getList().stream().filter(c -> c.getSerial().equals(revokeSerial)).findFirst().orElse(null);
    }

    /** True when the saved seal has an opaque background that would cover the issuer's name. */
    public boolean isSealCovers() {
        return sealVerdict == SealImage.Verdict.OPAQUE_BACKGROUND;
    }

    public BatchProgress.State getBatch() {
        return progress.state(jobId);
    }

    public List<Certificate> getList() {
        if (list == null) {
            list = certificates.certificates(contestCode);
        }
        return list;
    }

    public String getJobId() {
        return jobId;
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getAward() {
        return award;
    }

    public void setAward(String award) {
        this.award = award;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public Long getSealFileId() {
        return sealFileId;
    }

    public Part getSeal() {
        return seal;
    }

    public void setSeal(Part seal) {
        this.seal = seal;
    }

    public String getRevokeSerial() {
        return revokeSerial;
    }

    public void setRevokeSerial(String revokeSerial) {
        this.revokeSerial = revokeSerial;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public void setRevokeReason(String revokeReason) {
        this.revokeReason = revokeReason;
    }
}
