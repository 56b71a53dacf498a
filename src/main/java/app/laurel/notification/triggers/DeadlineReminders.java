package app.laurel.notification.triggers;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestUnit;
import app.laurel.contest.PhaseKind;
import app.laurel.judging.RoundStatus;
import app.laurel.judging.ScorecardStatus;
import app.laurel.notification.Outbox;
import app.laurel.platform.cluster.Cluster;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import app.laurel.submission.QuotaShortfalls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reminders before deadlines, by the server's clock (Asia/Shanghai): judges with unsubmitted scorecards in an
 * open round before the contest's 评审 phase ends; the administrators of a unit still below its quota minimum
 * before its submission deadline (its extension, if any); the administrators of a campaign unit with tasks not yet
 * reported before they fall due. Runs {@code laurel.notify.reminder-sweep-every} (an hour by default) at the days
 * before each deadline of {@code laurel.notify.reminder-days} (3 and 1): see {@link ReminderStages}. Each message's
 * key names the deadline's day and the stage, so sweeps run again, or on two nodes at once, queue it once. Each of
 * the three kinds runs in its own transaction: one failing does not keep the others from being sent.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DeadlineReminders {

    private static final Duration FIRST_SWEEP = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private Recipients recipients;

    @Inject
    private LaurelConfig config;

    @Inject
    private Clock clock;

    @Inject
    private Cluster cluster;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FIRST_SWEEP.toMillis(), config.duration(Key.NOTIFY_REMINDER_SWEEP_EVERY).toMillis(),
                new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        // Queued once anyway (each message's key), but one node's queries are enough: the oldest node sweeps.
        if (!cluster.leads()) {
            return;
        }
        ReminderStages stages = ReminderStages.parse(config.get(Key.NOTIFY_REMINDER_DAYS));
        Instant now = clock.instant();
        int judges = inTransaction("judging", () -> judges(stages, now));
        int units = inTransaction("quota", () -> quotas(stages, now));
        int campaigns = inTransaction("campaign", () -> campaignTasks(stages, now));
        if (judges + units + campaigns > 0) {
            // Counts reminders due in this sweep, queued now or by an earlier one (those are not queued again).
            LOG.info(() -> "Deadline reminders due: " + judges + " to judges, " + units + " on quotas, " + campaigns
                    + " on campaign tasks");
        }
    }

    /** Each judge behind in an open round of a contest whose judging ends within a stage: one reminder a stage. */
    int judges(ReminderStages stages, Instant now) {
        Map<Long, Instant> ends = new HashMap<>();
        em.createQuery("select p.contest.id, p.endsAt from Phase p where p.kind = :judging and p.endsAt > :now"
                        + " and p.endsAt <= :horizon", Object[].class)
                .setParameter("judging", PhaseKind.JUDGING).setParameter("now", now)
                .setParameter("horizon", now.plus(stages.horizon())).getResultList()
                .forEach(row -> ends.put((Long) row[0], (Instant) row[1]));
        if (ends.isEmpty()) {
            return 0;
        }
        int due = 0;
        for (Object[] row : em.createQuery("""
                        select s.judge.id, r.id, r.name, c.id, c.title, count(s) from Scorecard s join s.roundEntry re
                        join re.round r join r.contest c where c.id in :contests and r.status = :open and s.status <> :submitted
                        group by s.judge.id, r.id, r.name, c.id, c.title""", Object[].class)
                .setParameter("contests", ends.keySet()).setParameter("open", RoundStatus.OPEN)
                .setParameter("submitted", ScorecardStatus.SUBMITTED).getResultList()) {
            Instant end = ends.get((Long) row[3]);
            OptionalInt stage = stages.stage(end, now);
            if (stage.isPresent()) {
                outbox.toAccount((Long) row[0], "judgingDeadline", "round:" + row[1] + ":due:" + Recipients.day(end)
                        + ":d" + stage.getAsInt(), row[4], row[2], ((Number) row[5]).longValue(), Recipients.when(end));
                due++;
            }
        }
        return due;
    }

    /**
     * Each unit below its minimum whose submission deadline (its extension, if later) is within a stage: its
     * administrators, once a stage. The units counted are only those near a deadline.
     */
    int quotas(ReminderStages stages, Instant now) {
        Instant horizon = now.plus(stages.horizon());
        Set<Contest> contests = new HashSet<>(em.createQuery("select distinct p.contest from Phase p where p.kind in :kinds"
                        + " and p.endsAt > :now and p.endsAt <= :horizon", Contest.class)
                .setParameter("kinds", List.of(PhaseKind.SUBMISSION, PhaseKind.UNIT_SELECTION))
                .setParameter("now", now).setParameter("horizon", horizon).getResultList());
        contests.addAll(em.createQuery("select distinct cu.contest from ContestUnit cu where cu.extendedUntil > :now"
                + " and cu.extendedUntil <= :horizon", Contest.class).setParameter("now", now).setParameter("horizon", horizon)
                .getResultList());
        int due = 0;
        for (Contest contest : contests) {
            for (ContestUnit participation : contest.getUnits()) {
                Instant deadline = contest.submissionDeadline(participation.getUnit()).orElse(null);
                OptionalInt stage = deadline == null ? OptionalInt.empty() : stages.stage(deadline, now);
                if (stage.isEmpty()) {
                    continue;
                }
                var line = QuotaShortfalls.of(em, contest, participation).orElse(null);
                if (line == null) {
                    continue;
                }
                long unit = participation.getUnit().getId();
                for (Long admin : recipients.unitAdmins(List.of(unit)).getOrDefault(unit, List.of())) {
                    outbox.toAccount(admin, "quotaShort", "contest:" + contest.getId() + ":unit:" + unit + ":due:"
                                    + Recipients.day(deadline) + ":d" + stage.getAsInt(), contest.getTitle(), line.unitName(),
                            line.counted(), line.min(), Recipients.when(deadline));
                    due++;
                }
            }
        }
        return due;
    }

    /**
     * Each campaign unit with tasks it has not reported on, due (or extended to) within a stage: its administrators,
     * one message per deadline and stage counting the tasks due then. Grouped in the query, so a campaign of 14
     * tasks and 300 units is one statement.
     */
    int campaignTasks(ReminderStages stages, Instant now) {
        Instant horizon = now.plus(stages.horizon());
        record Due(long campaign, String title, long unit, Instant deadline) {
        }
        Map<Due, Long> tasks = new HashMap<>();
        for (Object[] row : em.createQuery("""
                        select t.campaign.id, t.campaign.title, cu.unit.id, t.dueAt, cu.extendedUntil, count(t)
                        from CampaignTask t, CampaignUnit cu where cu.campaign = t.campaign
                        and ((t.dueAt > :now and t.dueAt <= :horizon) or (cu.extendedUntil > :now and cu.extendedUntil <= :horizon))
                        and not exists (select r from TaskReport r where r.task = t and r.unit = cu.unit)
                        group by t.campaign.id, t.campaign.title, cu.unit.id, t.dueAt, cu.extendedUntil""", Object[].class)
                .setParameter("now", now).setParameter("horizon", horizon).getResultList()) {
            Instant dueAt = (Instant) row[3];
            Instant extended = (Instant) row[4];
            // The campaign's deadline rule (Deadline.open): a later extension moves every task's deadline.
            Instant deadline = extended != null && extended.isAfter(dueAt) ? extended : dueAt;
            tasks.merge(new Due((Long) row[0], (String) row[1], (Long) row[2], deadline), ((Number) row[5]).longValue(), Long::sum);
        }
        Map<Long, List<Long>> admins = recipients.unitAdmins(tasks.keySet().stream().map(Due::unit).distinct().toList());
        int due = 0;
        for (Map.Entry<Due, Long> open : tasks.entrySet()) {
            Due d = open.getKey();
            OptionalInt stage = stages.stage(d.deadline(), now);
            if (stage.isEmpty()) {
                continue;
            }
            for (Long admin : admins.getOrDefault(d.unit(), List.of())) {
                outbox.toAccount(admin, "campaignDeadline", "campaign:" + d.campaign() + ":unit:" + d.unit() + ":due:"
                                + d.deadline().getEpochSecond() + ":d" + stage.getAsInt(), d.title(), open.getValue(),
                        Recipients.when(d.deadline()));
                due++;
            }
        }
        return due;
    }

    private int inTransaction(String kind, java.util.function.IntSupplier work) {
        try {
            transaction.begin();
            int due = work.getAsInt();
            transaction.commit();
            return due;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Deadline reminders (" + kind + ") failed; the next sweep tries again", e);
            try {
                if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    transaction.rollback();
                }
            } catch (Exception ignored) {
                // Nothing more to undo: the transaction is gone either way.
            }
            return 0;
        }
    }
}
