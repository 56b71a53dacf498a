package app.laurel.campaign.api;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.CampaignPhase;
import app.laurel.campaign.CampaignTask;
import app.laurel.campaign.CampaignUnit;
import app.laurel.campaign.Office;
import app.laurel.campaign.ProgressMatrix;
import app.laurel.campaign.TaskReport;
import app.laurel.campaign.TaskReportEvent;
import app.laurel.campaign.UnitTask;
import app.laurel.platform.api.Versioned;
import app.laurel.storage.api.StoredFileJson;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The campaign API's JSON shapes: explicit records, so that what a client reads never depends on getters' names. */
public final class CampaignJsons {

    private CampaignJsons() {
    }

    public record NewCampaignJson(String code, String title, String documentNo) {
    }

    public record CampaignPhaseJson(Long id, String name, String startsOn, String endsOn) {
        static CampaignPhaseJson of(CampaignPhase p) {
            return new CampaignPhaseJson(p.getId(), p.getName(), p.getStartsOn().toString(), p.getEndsOn().toString());
        }
    }

    public record OfficeJson(Long id, String name, List<String> reviewers) {
        static OfficeJson of(Office o) {
            return new OfficeJson(o.getId(), o.getName(), o.getReviewerNames());
        }
    }

    public record NameJson(String name) {
    }

    public record ReviewerJson(String username) {
    }

    public record CampaignUnitJson(Long unitId, String unitName, String extendedUntil) {
        static CampaignUnitJson of(CampaignUnit u) {
            return new CampaignUnitJson(u.getUnit().getId(), u.getUnit().getName(),
                    u.getExtendedUntil() == null ? null : u.getExtendedUntil().toString());
        }
    }

    public record EnrolJson(String unitName) {
    }

    /** A task; {@code comparison} is AT_LEAST, EXACTLY or AT_MOST (or ≥, =, ≤), {@code due} an ISO-8601 instant or date. */
    public record TaskJson(Long id, Integer seq, String text, String evidenceRequired, List<String> offices,
                           String comparison, BigDecimal target, String targetUnit, String targetLabel, String due) {
        static TaskJson of(CampaignTask t) {
            return new TaskJson(t.getId(), t.getSeq(), t.getText(), t.getEvidenceRequired(),
                    t.getOffices().stream().map(Office::getName).toList(),
                    t.target().map(x -> x.comparison().name()).orElse(null), t.target().map(x -> x.value()).orElse(null),
                    t.target().map(x -> x.unit()).orElse(null), t.getTargetLabel(), t.getDueAt().toString());
        }
    }

    public record CampaignJson(Long id, String code, String title, String documentNo, List<CampaignPhaseJson> phases,
                               List<OfficeJson> offices, List<CampaignUnitJson> units, List<TaskJson> tasks) {
        static CampaignJson of(Campaign c) {
            return new CampaignJson(c.getId(), c.getCode(), c.getTitle(), c.getDocumentNo(),
                    c.getPhases().stream().map(CampaignPhaseJson::of).toList(), c.getOffices().stream().map(OfficeJson::of).toList(),
                    c.getUnits().stream().map(CampaignUnitJson::of).toList(), c.getTasks().stream().map(TaskJson::of).toList());
        }
    }

    public record CampaignSummaryJson(String code, String title, String documentNo, int tasks, int units) {
        static CampaignSummaryJson of(Campaign c) {
            return new CampaignSummaryJson(c.getCode(), c.getTitle(), c.getDocumentNo(), c.getTasks().size(), c.getUnits().size());
        }
    }

    public record ImportedJson(int imported, List<TaskJson> tasks) {
    }

    public record CampaignExtensionJson(Long unitId, String until, String reason) {
    }

    /** What a unit sends: {@code value} is a string so that what was typed is checked and refused clearly if no number. */
    public record ReportInputJson(String text, String value, List<Long> fileIds, Long version) {
    }

    public record EventJson(String kind, String at, String actor, String text, BigDecimal value, String reason,
                            List<StoredFileJson> files) {
        static EventJson of(TaskReportEvent e) {
            return new EventJson(e.getKind().name(), e.getOccurredAt().toString(), e.getActor(), e.getText(), e.getValue(),
                    e.getReason(), e.getFiles().stream().map(StoredFileJson::of).toList());
        }
    }

    public record ReportJson(Long id, long taskId, int taskSeq, long unitId, String unitName, String status, String text,
                             BigDecimal value, String targetLabel, boolean belowTarget, String reason, String submittedAt,
                             List<StoredFileJson> files, List<EventJson> history, long version) implements Versioned {
        static ReportJson of(TaskReport r) {
            return new ReportJson(r.getId(), r.getTask().getId(), r.getTask().getSeq(), r.getUnit().getId(),
                    r.getUnit().getName(), r.getStatus().name(), r.getText(), r.getValue(), r.getTask().getTargetLabel(),
                    r.isBelowTarget(), r.getReason(), r.getSubmittedAt().toString(),
                    r.currentFiles().stream().map(StoredFileJson::of).toList(),
                    r.getEvents().stream().map(EventJson::of).toList(), r.getVersion());
        }
    }

    public record UnitTaskJson(TaskJson task, String status, boolean mayReport, ReportJson report) {
        static UnitTaskJson of(UnitTask t) {
            return new UnitTaskJson(TaskJson.of(t.task()), t.status().name(), t.mayReport(),
                    t.report() == null ? null : ReportJson.of(t.report()));
        }
    }

    /** {@code version}: the report's version as the reviewer read it (optional); a later correction makes it 409. */
    public record DecisionJson(String decision, String reason, Long version) {
    }

    public record DocumentInputJson(String kind, Long fileId) {
    }

    public record DocumentJson(Long id, String kind, StoredFileJson file, String uploadedAt) {
    }

    public record CellJson(long taskId, String status, boolean belowTarget, BigDecimal value, Long reportId) {
    }

    public record LineJson(long unitId, String unitName, List<CellJson> cells, int done, int total, int percent) {
    }

    public record OfficeCompletionJson(long officeId, String name, int done, int total, int percent) {
    }

    public record ColumnJson(long taskId, int seq, String text, String offices, String target, String due) {
    }

    public record MatrixJson(List<ColumnJson> tasks, List<LineJson> units, List<OfficeCompletionJson> offices,
                             Map<String, Integer> counts) {
        static MatrixJson of(ProgressMatrix m) {
            return new MatrixJson(
                    m.columns().stream().map(c -> new ColumnJson(c.taskId(), c.seq(), c.text(), c.offices(), c.target(),
                            c.due().toString())).toList(),
                    m.lines().stream().map(l -> new LineJson(l.unitId(), l.unitName(), l.cells().stream()
                            .map(c -> new CellJson(c.taskId(), c.status().name(), c.belowTarget(), c.value(), c.reportId()))
                            .toList(), l.done(), l.total(), l.percent())).toList(),
                    m.offices().stream().map(o -> new OfficeCompletionJson(o.officeId(), o.name(), o.done(), o.total(),
                            o.percent())).toList(),
                    m.counts().entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(),
                            Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)));
        }
    }
}
