package app.laurel.publication.web;

import app.laurel.judging.Round;
import app.laurel.judging.RoundService;
import app.laurel.judging.RoundStatus;
import app.laurel.platform.time.Clocks;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.CorrectionForm;
import app.laurel.publication.ListOrder;
import app.laurel.publication.Notice;
import app.laurel.publication.NoticePhase;
import app.laurel.publication.NoticeService;
import app.laurel.publication.NoticeText;
import app.laurel.publication.Objection;
import app.laurel.publication.ObjectionService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/notice.xhtml?contest=HY2021}: drafting the public notice from a closed round, editing it,
 * previewing and publishing what the form shows, correcting it once published, the objections with their handling (uphold or dismiss, each with the investigation), and
 * finalising once the period is over.
 */
@Named
@ViewScoped
public class NoticeAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NoticeService notices;

    @Inject
    private ObjectionService objections;

    @Inject
    private RoundService rounds;

    @Inject
    private Clock clock;

    private String contestCode;
    private String title;
    private String body;
    private ListOrder order;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String contact;
    private String reason;
    /** The version of the notice this form was filled from; a hidden field carries it, so a stale save is refused. */
    private Long version;
    private final Map<Long, String> investigations = new HashMap<>();
    private final Map<Long, String> replies = new HashMap<>();
    private transient Notice notice;
    private transient List<Objection> objectionList;

    public void load() {
        notice = null;
        Notice current = NotFound.unless(this::getNotice);
        if (current != null) {
            title = current.getTitle();
            body = current.getBody();
            order = current.getListOrder();
            startsAt = LocalDateTime.ofInstant(current.getStartsAt(), Clocks.ZONE);
            endsAt = LocalDateTime.ofInstant(current.getEndsAt(), Clocks.ZONE);
            contact = current.getContact();
            version = current.getVersion();
        }
    }

    public void draft(long roundId) {
        act(() -> notices.draft(roundId), "notice.drafted");
        load();
    }

    public void save() {
        act(() -> version = notices.edit(getNotice().getId(), formText(), version).getVersion(), "notice.saved");
    }

    /**
     * 发布公示 first saves the form (the server's rules, as 保存) and shows the saved draft in the public notice's own
     * rendering; only the preview's 确认发布 publishes.
     */
    public void preview() {
        act(() -> version = notices.edit(getNotice().getId(), formText(), version).getVersion(), "notice.saved");
        PrimeFaces.current().executeScript("PF('preview').show()");
    }

    /** Publishes the form as it stands (saved and published in one step), which is what the preview showed. */
    public void publish() {
        act(() -> notices.publish(getNotice().getId(), formText(), version), "notice.publishedMessage");
        load();
    }

    /** A correction of the published notice from the same fields, with its reason. */
    public void correct() {
        act(() -> notices.correct(getNotice().getId(), new CorrectionForm(title, body, order, instant(endsAt), contact, reason),
                version), "notice.correctedMessage");
        reason = null;
        load();
    }

    private NoticeText formText() {
        return new NoticeText(title, body, order, instant(startsAt), instant(endsAt), contact);
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Clocks.ZONE).toInstant();
    }

    /** The start of the period as the public notice will print it if published now. */
    public Instant getPreviewStartsAt() {
        return getNotice().startsIfPublishedAt(clock.instant());
    }

    /** The notice's status as the public reads it now (the badge), the same word as on the public page. */
    public NoticePhase getPhase() {
        return getNotice().phaseAt(clock.instant());
    }

    /** The status the public page will show if published now, and the date it will be signed with. */
    public NoticePhase getPreviewPhase() {
        return getNotice().phaseIfPublishedAt(clock.instant());
    }

    public Instant getNow() {
        return clock.instant();
    }

    public void finalise() {
        act(() -> notices.finalise(getNotice().getId()), "notice.finalisedMessage");
    }

    public void uphold(long objectionId) {
        // Upholding corrects the notice: the form shows that version now, so the organiser's next save is not stale.
        act(() -> objections.uphold(objectionId, investigations.get(objectionId)), "objection.upheldMessage");
        load();
    }

    public void dismiss(long objectionId) {
        act(() -> objections.dismiss(objectionId, investigations.get(objectionId), replies.get(objectionId)),
                "objection.dismissedMessage");
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        FacesFeedback.info(doneKey);
        notice = null;
        objectionList = null;
    }

    /** The contest's notice (the first, if a contest ever has several), or null before one is drafted. */
    public Notice getNotice() {
        if (notice == null) {
            List<Notice> all = notices.notices(contestCode);
            notice = all.isEmpty() ? null : all.get(0);
        }
        return notice;
    }

    public List<Round> getClosedRounds() {
        return rounds.rounds(contestCode).stream().filter(r -> r.getStatus() == RoundStatus.CLOSED).toList();
    }

    public List<Objection> getObjections() {
        if (objectionList == null) {
            objectionList = getNotice() == null ? List.of() : objections.objections(getNotice().getId());
        }
        return objectionList;
    }

    public ListOrder[] getOrders() {
        return ListOrder.values();
    }

    public Map<Long, String> getInvestigations() {
        return investigations;
    }

    public Map<Long, String> getReplies() {
        return replies;
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

    public ListOrder getOrder() {
        return order;
    }

    public void setOrder(ListOrder order) {
        this.order = order;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
