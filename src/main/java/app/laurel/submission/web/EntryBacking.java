package app.laurel.submission.web;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.EntryRule;
import app.laurel.contest.EntryType;
import app.laurel.identity.Unit;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.DraftInput;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryFile;
import app.laurel.submission.EntryStatus;
import app.laurel.submission.FileRole;
import app.laurel.submission.SubmissionService;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code /entries/edit.xhtml?contest=HY2021} (new, or the citizen's open draft there) or {@code ?id=7} (a draft, a
 * returned entry, or a submitted one being corrected): the entry form with its files, save as draft, and submit
 * for a receipt. The entry type is chosen first when the contest takes several, and already chosen when it takes
 * one, so the form shows that type's fields and rules from the start. Files arrive through the resumable uploader
 * and are attached by {@link #attach()}.
 */
@Named
@ViewScoped
public class EntryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SubmissionService submissions;

    @Inject
    private ContestService contests;

    private String contestCode;
    private Long id;
    private EntryType type;
    private Long categoryId;
    private String title;
    private String bodyHtml;
    private Long townshipId;
    private String authorName;
    private String authorPhone;
    private String authorOrganisation;
    private boolean originalityDeclared;
    private boolean displayConsent;
    /** The version of the entry this page last loaded or saved (kept with the view): an older tab's save is refused. */
    private Long version;

    private transient Entry entry;
    private transient Contest contest;

    public void load() throws IOException {
        if (id != null) {
            Entry loaded = NotFound.unless(() -> submissions.entry(id));
            if (loaded != null) {
                fill(loaded);
            }
        } else {
            contest = NotFound.unless(() -> contests.byCode(contestCode));
            if (contest != null) {
                submissions.openDraft(contestCode).ifPresentOrElse(this::fill, () -> {
                    List<EntryType> types = getTypes();
                    type = types.size() == 1 ? types.get(0) : null;
                });
            }
        }
    }

    public void save() {
        persist();
        FacesFeedback.info("entry.saved");
    }

    public void submit() throws IOException {
        boolean correction = isCorrection();
        persist();
        submissions.submit(id);
        if (correction) {
            FacesFeedback.flashInfo("entry.corrected");
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/entries/receipt.xhtml?id=" + id);
    }

    /** Called by the uploader's remote command with the stored file's id and its role. */
    public void attach() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            if (id == null) {
                persist();
            }
            FileRole role = FileRole.valueOf(params.get("role"));
            entry = submissions.attachFile(id, Long.parseLong(params.get("fileId")), role);
            version = entry.getVersion();
        } catch (IllegalArgumentException e) {
            FacesFeedback.error("api.badRequest");
        }
    }

    public void detach(long fileId) {
        entry = submissions.detachFile(id, fileId);
        version = entry.getVersion();
    }

    private void persist() {
        DraftInput input = new DraftInput(categoryId, title, bodyHtml, townshipId, authorName, authorPhone,
                authorOrganisation, originalityDeclared, displayConsent);
        entry = id == null ? submissions.createDraft(contestCode, type, input) : submissions.saveDraft(id, input, version);
        id = entry.getId();
        version = entry.getVersion();
    }

    private void fill(Entry loaded) {
        entry = loaded;
        version = loaded.getVersion();
        contest = loaded.getContest();
        contestCode = contest.getCode();
        type = loaded.getEntryType();
        categoryId = loaded.getCategory() == null ? null : loaded.getCategory().getId();
        title = loaded.getTitle();
        bodyHtml = loaded.getBodyHtml();
        townshipId = loaded.getTownship() == null ? null : loaded.getTownship().getId();
        if (loaded.getUnit() != null && loaded.getAuthor() != null) {
            authorName = loaded.getAuthor().getName();
            authorPhone = loaded.getAuthor().getPhone();
            authorOrganisation = loaded.getAuthor().getOrganisation();
        }
        originalityDeclared = loaded.isOriginalityDeclared();
        displayConsent = loaded.isDisplayConsent();
    }

    public Entry getEntry() {
        if (entry == null && id != null) {
            entry = submissions.entry(id);
        }
        return entry;
    }

    public Contest getContest() {
        if (contest == null) {
            contest = getEntry() != null ? getEntry().getContest() : contests.byCode(contestCode);
        }
        return contest;
    }

    public List<Category> getCategories() {
        return getContest().getCategories();
    }

    /** The townships (and parks) taking part, for a citizen to name as theirs. */
    public List<Unit> getTownships() {
        return submissions.townships(getContest());
    }

    public List<EntryType> getTypes() {
        return List.of(EntryType.values()).stream().filter(t -> getContest().rule(t).isPresent()).toList();
    }

    public EntryRule getRule() {
        return getContest().rule(type).orElse(null);
    }

    public List<EntryFile> getFiles() {
        return getEntry() == null ? List.of() : getEntry().getFiles();
    }

    /** Whether the form may still change anything: the entry is editable and the deadline (server clock) not past. */
    public boolean isChangeable() {
        return getEntry() == null ? submissions.isOpenForCaller(getContest()) : submissions.isChangeable(getEntry());
    }

    /** A submitted entry being corrected (修改): one button, "提交修改", and the receipt number stays. */
    public boolean isCorrection() {
        return getEntry() != null && getEntry().getStatus() == EntryStatus.SUBMITTED;
    }

    public boolean isStory() {
        return type == EntryType.STORY;
    }

    public boolean isVideo() {
        return type == EntryType.VIDEO;
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public EntryType getType() {
        return type;
    }

    public void setType(EntryType type) {
        this.type = type;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public void setBodyHtml(String bodyHtml) {
        this.bodyHtml = bodyHtml;
    }

    public Long getTownshipId() {
        return townshipId;
    }

    public void setTownshipId(Long townshipId) {
        this.townshipId = townshipId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public void setAuthorName(String authorName) {
        this.authorName = authorName;
    }

    public String getAuthorPhone() {
        return authorPhone;
    }

    public void setAuthorPhone(String authorPhone) {
        this.authorPhone = authorPhone;
    }

    public String getAuthorOrganisation() {
        return authorOrganisation;
    }

    public void setAuthorOrganisation(String authorOrganisation) {
        this.authorOrganisation = authorOrganisation;
    }

    public boolean isOriginalityDeclared() {
        return originalityDeclared;
    }

    public void setOriginalityDeclared(boolean originalityDeclared) {
        this.originalityDeclared = originalityDeclared;
    }

    public boolean isDisplayConsent() {
        return displayConsent;
    }

    public void setDisplayConsent(boolean displayConsent) {
        this.displayConsent = displayConsent;
    }
}
