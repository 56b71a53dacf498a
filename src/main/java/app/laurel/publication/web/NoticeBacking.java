package app.laurel.publication.web;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.ClientAddress;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.Notice;
import app.laurel.publication.NoticePhase;
import app.laurel.publication.NoticeService;
import app.laurel.publication.Objection;
import app.laurel.publication.ObjectionForm;
import app.laurel.publication.ObjectionService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /n/{code}} (that is {@code /notice.xhtml?code=…}): a public notice as anyone reads it on a phone or
 * prints it, with the form to object in writing under one's real name while the period runs, the receipt after
 * filing, and a look-up of an objection's outcome by receipt number and phone.
 * <p>Request-scoped on a stateless view (no HTTP session for the crowd that opens a shared notice): each post
 * carries the notice's code, in the address it posts to ({@code /n/{code}}) and in a hidden field of its forms.
 */
@Named
@RequestScoped
public class NoticeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NoticeService notices;

    @Inject
    private ObjectionService objections;

    @Inject
    private Clock clock;

    @Inject
    private LaurelConfig config;

    private String code;
    private String realName;
    private String phone;
    private String contact;
    private String entryCode;
    private String reasons;
    private transient List<Part> evidence;
    private String receiptNo;
    private String lookUpReceipt;
    private String lookUpPhone;
    private transient Objection lookedUp;
    private transient Notice notice;
    private NoticePhase phase;

    /** The code before the view parameter is applied: an AJAX post (the look-up) does not process view parameters. */
    @PostConstruct
    void codeFromRequest() {
        code = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("code");
    }

    public void load() {
        notice = NotFound.unless(() -> notices.published(code == null ? "" : code));
    }

    /** Files the objection; the receipt number is shown in place of the form. */
    public void file() {
        List<ObjectionService.Evidence> files = new ArrayList<>();
        try {
            for (Part part : evidence == null ? List.<Part>of() : evidence) {
                // An input left empty sends no name; a chosen file of 0 bytes goes on to be refused as empty.
                if (part.getSize() > 0 || part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()) {
                    files.add(new ObjectionService.Evidence(part.getSubmittedFileName(), part.getSize(), part.getInputStream()));
                }
            }
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            Objection filed = objections.file(code, new ObjectionForm(realName, phone, contact, entryCode, reasons), files,
                    ClientAddress.of(request, config));
            receiptNo = filed.getReceiptNo();
            FacesFeedback.info("objection.filed", receiptNo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void lookUp() {
        lookedUp = objections.lookUp(lookUpReceipt, lookUpPhone);
    }

    public Notice getNotice() {
        if (notice == null && code != null) {
            notice = notices.published(code);
        }
        return notice;
    }

    /** The one status of the notice, by one reading of the server's clock for the whole page. */
    public NoticePhase getPhase() {
        if (phase == null) {
            phase = getNotice().phaseAt(clock.instant());
        }
        return phase;
    }

    public boolean isOpen() {
        return getPhase().takesObjections();
    }

    public Objection getLookedUp() {
        return lookedUp;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getRealName() {
        return realName;
    }

    public void setRealName(String realName) {
        this.realName = realName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getEntryCode() {
        return entryCode;
    }

    public void setEntryCode(String entryCode) {
        this.entryCode = entryCode;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public List<Part> getEvidence() {
        return evidence;
    }

    public void setEvidence(List<Part> evidence) {
        this.evidence = evidence;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getLookUpReceipt() {
        return lookUpReceipt;
    }

    public void setLookUpReceipt(String lookUpReceipt) {
        this.lookUpReceipt = lookUpReceipt;
    }

    public String getLookUpPhone() {
        return lookUpPhone;
    }

    public void setLookUpPhone(String lookUpPhone) {
        this.lookUpPhone = lookUpPhone;
    }
}
