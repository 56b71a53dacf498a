package app.laurel.campaign;

import app.laurel.identity.Account;
import app.laurel.identity.CurrentAccount;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.Versions;
import app.laurel.storage.FileKind;
import app.laurel.storage.StoredFile;
import app.laurel.storage.UploadService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A unit's side of a campaign: its task list, reporting on a task with text, a number and evidence files (already
 * stored and checked by {@link UploadService}), and its plan and summary documents. Only a unit enrolled in the
 * campaign reports; the deadline is the server's clock, later only with the organiser's extension.
 */
@Stateless
@RolesAllowed(Roles.UNIT_ADMIN)
public class ReportService {

    public static final int MAX_FILES = 20;
    /** Evidence videos are short clips of an activity, not recordings of whole lessons. */
    public static final long MAX_VIDEO_BYTES = 200L * 1024 * 1024;

    @Inject
    private Versions versions;

    @Inject
    private CampaignRepository campaigns;

    @EJB
    private UploadService uploads;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentAccount account;

    public List<Campaign> myCampaigns() {
        Account me = account.get();
        return me.getUnit() == null ? List.of() : campaigns.ofUnit(me.getUnit());
    }

    public List<UnitTask> myTasks(String code) {
        Campaign campaign = campaigns.byCode(code);
        CampaignUnit participation = participation(campaign);
        Instant now = clock.instant();
        List<UnitTask> tasks = new ArrayList<>();
        for (CampaignTask task : campaign.getTasks()) {
            TaskReport report = campaigns.report(task, participation.getUnit()).orElse(null);
            tasks.add(new UnitTask(task, report, CellStatus.of(report == null ? null : report.getStatus(), task.getDueAt(),
                    participation.getExtendedUntil(), now), Deadline.open(task.getDueAt(), participation.getExtendedUntil(), now)));
        }
        return tasks;
    }

    public UnitTask myTask(String code, long taskId) {
        return myTasks(code).stream().filter(t -> t.task().getId() == taskId).findFirst()
                .orElseThrow(() -> LaurelException.notFound("campaign.task.notFound"));
    }

    /**
     * Submits the unit's report on a task, or corrects a returned one. {@code rawValue} is what the person typed: a
     * value that is not a number is refused, and one that misses the target is accepted but flagged.
     * {@code expectedVersion} is the version of the report the person corrected, -1 if they saw none (null: unchecked),
     * so that a colleague's report sent meanwhile is not overwritten unseen.
     */
    public TaskReport submit(String code, long taskId, String text, String rawValue, List<Long> fileIds, Long expectedVersion) {
        UnitTask current = myTask(code, taskId);
        if (current.report() != null) {
            versions.expect(current.report().getVersion(), expectedVersion, "report:" + current.report().getId(), List::of);
        }
        if (!current.mayReport()) {
            throw current.report() != null && current.report().getStatus() == ReportStatus.ACCEPTED
                    ? LaurelException.conflict("campaign.report.alreadyAccepted")
                    : LaurelException.forbidden("campaign.report.deadlinePassed");
        }
        CampaignTask task = current.task();
        BigDecimal value = task.isNumeric() ? ReportValue.parse(rawValue, task.target().orElseThrow().unit()) : null;
        List<StoredFile> files = evidence(fileIds);
        Account me = account.get();
        TaskReport report = Optional.ofNullable(current.report()).orElseGet(() -> new TaskReport(task, me.getUnit()));
        report.submit(text, value, files, me.getUsername(), clock.instant());
        if (report.getId() == null) {
            campaigns.add(report);
        }
        audit.record(me.getUsername(), "CAMPAIGN_REPORT_SUBMITTED", "report:" + report.getId(),
                "task " + task.getSeq() + " of " + code + ", " + files.size() + " files" + (value == null ? "" : ", value " + value)
                        + (report.isBelowTarget() ? " (below target)" : ""));
        if (report.getId() != null) {
            versions.advance(report, report::getVersion);
        }
        return report;
    }

    /** Adds the unit's plan (方案) or summary (总结): a PDF, a Word file or a scan. */
    public CampaignDocument addDocument(String code, DocumentKind kind, long fileId) {
        Campaign campaign = campaigns.byCode(code);
        CampaignUnit participation = participation(campaign);
        if (kind == null) {
            throw InvalidInputException.of("kind", "validation.choice");
        }
        // The plan and summary are due with the last task, and are late on the same terms (an extension).
        Instant lastDue = campaign.getTasks().stream().map(CampaignTask::getDueAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (lastDue != null && !Deadline.open(lastDue, participation.getExtendedUntil(), clock.instant())) {
            throw LaurelException.forbidden("campaign.report.deadlinePassed");
        }
        StoredFile file = uploads.ownFile(fileId);
        if (file.kind() != FileKind.DOCUMENT && file.kind() != FileKind.IMAGE) {
            throw InvalidInputException.of("file", "campaign.document.wrongKind", file.getMediaType());
        }
        CampaignDocument document = new CampaignDocument(campaign, participation.getUnit(), kind, file, account.get().getUsername(),
                clock.instant());
        campaigns.add(document);
        audit.record(account.get().getUsername(), "CAMPAIGN_DOCUMENT_ADDED", "campaign:" + code, kind + " file:" + fileId);
        return document;
    }

    public List<CampaignDocument> myDocuments(String code) {
        Campaign campaign = campaigns.byCode(code);
        return campaigns.documents(campaign, participation(campaign).getUnit());
    }

    private List<StoredFile> evidence(List<Long> fileIds) {
        List<Long> ids = fileIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(fileIds));
        if (ids.size() > MAX_FILES) {
            throw InvalidInputException.of("files", "campaign.report.tooManyFiles", MAX_FILES);
        }
        List<StoredFile> files = new ArrayList<>();
        for (Long id : ids) {
            StoredFile file = uploads.ownFile(id == null ? -1 : id);
            if (file.kind() == FileKind.OTHER) {
                throw InvalidInputException.of("files", "upload.typeRefused", file.getMediaType());
            }
            if (file.kind() == FileKind.VIDEO && file.getSizeBytes() > MAX_VIDEO_BYTES) {
                throw InvalidInputException.of("files", "campaign.report.videoTooLarge", MAX_VIDEO_BYTES / (1024 * 1024));
            }
            files.add(file);
        }
        return files;
    }

    /** The caller's unit's part in the campaign; a unit not in it may not report (and learns why). */
    private CampaignUnit participation(Campaign campaign) {
        Account me = account.get();
        if (me.getUnit() == null) {
            throw LaurelException.forbidden("campaign.unit.notEnrolled");
        }
        return campaign.participation(me.getUnit())
                .orElseThrow(() -> LaurelException.forbidden("campaign.unit.notEnrolled"));
    }
}
