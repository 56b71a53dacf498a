package app.laurel.demo;

import app.laurel.campaign.Campaign;
import app.laurel.campaign.Office;
import app.laurel.campaign.TaskDraft;
import app.laurel.campaign.TaskImport;
import app.laurel.contest.Contest;
import app.laurel.contest.EntryRule;
import app.laurel.contest.PhaseKind;
import app.laurel.contest.Quota;
import app.laurel.identity.Account;
import app.laurel.identity.AccountDetails;
import app.laurel.identity.PasswordHasher;
import app.laurel.identity.Role;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.time.Clocks;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads the demo once: seed 004's 衡阳县 “讲述身边的禁毒故事” contest and its “一堂禁毒课” video collection, dates
 * shifted so that submissions are open on the day it is loaded, with sample units enrolled at the seed's quotas
 * and sample accounts (all marked 示例). Idempotent: if the demo
 * contest exists, nothing is touched, so restarts keep whatever people did with it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DemoData {

    public static final String CONTEST_CODE = "HY2021";
    public static final String LESSONS_CODE = "HYKT2021";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private LaurelConfig config;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!config.demoEnabled()) {
            return;
        }
        loadCampaign(clock.instant());
        boolean present = !em.createNamedQuery("Contest.byCode", Contest.class)
                .setParameter("code", CONTEST_CODE).getResultList().isEmpty();
        if (present) {
            LOG.info("Demo data already loaded; left as it is.");
            return;
        }
        Instant now = clock.instant();
        Map<String, Unit> units = units(now);
        Contest stories = contest(now);
        Contest lessons = videoLessons(now);
        for (Unit unit : units.values()) {
            stories.enrol(unit, Quota.defaultFor(unit.getUnitType()));
        }
        for (String name : new String[]{"县教育局（示例）", "县公安局（示例）", "县第一中学（示例）"}) {
            lessons.enrol(units.get(name), new Quota(0, 3));
        }
        em.persist(stories);
        em.persist(lessons);
        for (DemoAccounts.DemoAccount demo : DemoAccounts.ALL) {
            // One PBKDF2 hash per account (own salt each), so the demo behaves like real data.
            String hash = hasher.hash(DemoAccounts.PASSWORD);
            Unit unit = demo.unit() == null ? null : units.get(demo.unit());
            em.persist(new Account(AccountDetails.normalised(demo.username(), demo.displayName(), null, null), hash,
                    EnumSet.of(Role.valueOf(demo.role())), unit, now));
        }
        LOG.info("Demo data loaded: contest " + CONTEST_CODE + ", " + units.size() + " sample units, "
                + DemoAccounts.ALL.size() + " accounts.");
    }

    private Map<String, Unit> units(Instant now) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Object[][] rows = {
                {"西渡镇（示例）", UnitType.TOWNSHIP}, {"井头镇（示例）", UnitType.TOWNSHIP},
                {"界牌园区（示例）", UnitType.PARK}, {"县教育局（示例）", UnitType.MEMBER},
                {"县卫健局（示例）", UnitType.MEMBER}, {"县公安局（示例）", UnitType.POLITICAL_LEGAL},
                {"县人民检察院（示例）", UnitType.POLITICAL_LEGAL}, {"县人民法院（示例）", UnitType.POLITICAL_LEGAL},
                {"县第一中学（示例）", UnitType.SCHOOL}};
        for (Object[] row : rows) {
            Unit unit = new Unit((String) row[0], (UnitType) row[1], true, now);
            em.persist(unit);
            units.put(unit.getName(), unit);
        }
        return units;
    }

    private Contest contest(Instant now) {
        Contest contest = new Contest(CONTEST_CODE, "“讲述身边的禁毒故事”评选活动",
                "健康人生 绿色无毒——讲述身边的禁毒故事",
                "以身边的禁毒故事为原型，发动群众投稿参与，由各乡镇（园区）、县禁毒委各成员单位摸底推选，"
                        + "经专家评审评选出10个“衡阳县最美禁毒故事”，公示后每个奖励1000元并颁发荣誉证书。"
                        + "作品类别包括缉毒执法案例、社区戒毒康复、成功戒毒历程、戒毒人员创业就业事例、禁毒志愿者、最美禁毒人事迹。"
                        + "（本活动为演示数据，日期已平移到今天。）",
                now);
        contest.nameBodies("衡阳县禁毒委员会（示例）", "县委宣传部、县禁毒办、县委网信办、县广电台",
                "县禁毒委各成员单位和各乡镇人民政府、界牌园区", "县禁毒办（示例联系人）");
        contest.markAsSample();
        // The seed's timetable (5.30 征集 → 6.10 18:00 推选 → 6.15 评审 → 公示 → 6.26 颁奖), moved so that 征集 runs today.
        LocalDate today = LocalDate.ofInstant(now, Clocks.ZONE);
        LocalDate start = today.minusDays(1);
        contest.schedule(PhaseKind.SUBMISSION, at(start, 0), at(start.plusDays(9), 18));
        contest.schedule(PhaseKind.UNIT_SELECTION, at(start.plusDays(9), 18), at(start.plusDays(12), 18));
        contest.schedule(PhaseKind.JUDGING, at(start.plusDays(12), 18), at(start.plusDays(17), 18));
        contest.schedule(PhaseKind.NOTICE, at(start.plusDays(18), 9), at(start.plusDays(25), 18));
        contest.schedule(PhaseKind.AWARD, at(start.plusDays(27), 9), at(start.plusDays(27), 18));
        contest.configureStories(300, 5000, 9, true);
        contest.configureVideos(EntryRule.DEFAULT_MAX_VIDEO_BYTES, null, null);
        contest.setPublicEntryPolicy(3, false);
        for (String category : new String[]{"缉毒执法案例", "社区戒毒康复", "成功戒毒历程", "戒毒人员创业就业事例", "禁毒志愿者", "最美禁毒人事迹"}) {
            contest.addCategory(category);
        }
        return contest;
    }

    /** Seed 004's 禁毒名师“大讲坛”: 30-minute video lessons (25–35 minutes accepted), from member units. */
    private Contest videoLessons(Instant now) {
        Contest contest = new Contest(LESSONS_CODE, "禁毒名师“大讲坛”——“一堂禁毒课”视频征集",
                "一堂禁毒课（30分钟）",
                "征集评选“一堂禁毒课”（30分钟）视频作品，参与全市优秀禁毒教师、讲师评选。"
                        + "视频时长 25～35 分钟，MP4 格式，不超过 4 GB，可附封面图片。（演示数据）",
                now);
        contest.nameBodies("衡阳县禁毒委员会（示例）", "县禁毒办", "县教育局、县公安局、团县委等", "县禁毒办（示例联系人）");
        contest.markAsSample();
        LocalDate start = LocalDate.ofInstant(now, Clocks.ZONE).minusDays(1);
        contest.schedule(PhaseKind.SUBMISSION, at(start, 0), at(start.plusDays(20), 18));
        contest.schedule(PhaseKind.JUDGING, at(start.plusDays(20), 18), at(start.plusDays(25), 18));
        contest.configureVideos(EntryRule.DEFAULT_MAX_VIDEO_BYTES, 25 * 60, 35 * 60);
        contest.setPublicEntryPolicy(1, false);
        contest.addCategory("禁毒教育课");
        return contest;
    }

    /**
     * Seed 000's campaign with its 14 tasks, offices, sample schools and county bureaus, a unit administrator each and
     * a reviewer per office. Loaded once, on its own: a portal whose contest demo exists still gets the campaign.
     * The seed's 2020 dates move so that its deadline lies two weeks ahead and reports can be made today.
     */
    private void loadCampaign(Instant now) {
        if (!em.createNamedQuery("Campaign.byCode", Campaign.class).setParameter("code", CampaignSeed.CODE)
                .getResultList().isEmpty()) {
            return;
        }
        LocalDate due = LocalDate.ofInstant(now, Clocks.ZONE).plusDays(14);
        long shift = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(CampaignSeed.DUE), due);
        Campaign campaign = new Campaign(CampaignSeed.CODE, CampaignSeed.TITLE + "（示例）", CampaignSeed.DOCUMENT_NO, true, now);
        for (String[] phase : CampaignSeed.PHASES) {
            campaign.addPhase(phase[0], LocalDate.parse(phase[1]).plusDays(shift), LocalDate.parse(phase[2]).plusDays(shift));
        }
        Map<String, Office> offices = new LinkedHashMap<>();
        for (String name : CampaignSeed.OFFICES) {
            offices.put(name, campaign.addOffice(name));
        }
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[0]);
        for (String[] task : CampaignSeed.TASKS) {
            String[] row = java.util.Arrays.copyOf(task, 8);
            row[7] = due.toString();
            rows.add(row);
        }
        TaskImport.Result tasks = TaskImport.rows(rows, offices.keySet());
        if (!tasks.errors().isEmpty()) {
            throw new IllegalStateException("the campaign seed does not import: " + tasks.errors());
        }
        for (TaskDraft draft : tasks.drafts()) {
            campaign.addTask(draft, draft.officeNames().stream().map(offices::get).toList());
        }
        em.persist(campaign);
        for (DemoAccounts.DemoAccount demo : DemoAccounts.CAMPAIGN) {
            Role role = Role.valueOf(demo.role());
            Unit unit = null;
            if (role == Role.UNIT_ADMIN) {
                unit = em.createNamedQuery("Unit.byName", Unit.class).setParameter("name", demo.unit()).getResultStream()
                        .findFirst().orElse(null);
                if (unit == null) {
                    unit = new Unit(demo.unit(), demo.unit().contains("学") ? UnitType.SCHOOL : UnitType.MEMBER, true, now);
                    em.persist(unit);
                    em.flush();
                }
                campaign.enrol(unit);
            }
            Account account = em.createNamedQuery("Account.byUsername", Account.class).setParameter("username", demo.username())
                    .getResultStream().findFirst().orElse(null);
            if (account == null) {
                account = new Account(AccountDetails.normalised(demo.username(), demo.displayName(), null, null),
                        hasher.hash(DemoAccounts.PASSWORD), EnumSet.of(role), unit, now);
                em.persist(account);
            }
            if (role == Role.REVIEWER) {
                offices.get(demo.unit()).addReviewer(account);
            }
        }
        LOG.info("Demo campaign loaded: " + CampaignSeed.CODE + ", " + tasks.drafts().size() + " tasks, "
                + DemoAccounts.CAMPAIGN.size() + " accounts.");
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(Clocks.ZONE).toInstant();
    }
}
