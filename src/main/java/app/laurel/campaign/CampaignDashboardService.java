package app.laurel.campaign;

import app.laurel.campaign.CampaignDashboard.Day;
import app.laurel.campaign.CampaignDashboard.OfficeProgress;
import app.laurel.campaign.CampaignDashboard.OverdueTask;
import app.laurel.campaign.CampaignDashboard.UnitProgress;
import app.laurel.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.laurel.platform.persistence.Aggregates.instant;
import static app.laurel.platform.persistence.Aggregates.number;
import static app.laurel.platform.persistence.Aggregates.rows;
import static app.laurel.platform.persistence.Aggregates.shanghaiDay;
import static app.laurel.platform.persistence.Aggregates.utc;

/**
 * A campaign's dashboard for its organisers: three grouped statements (reports by unit and state; accepted reports by
 * office and day, with each office's task count; unreported cells past their deadline by task), whatever the number
 * of units and tasks. The states mean what the progress matrix shows ({@link CellStatus}).
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class CampaignDashboardService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private CampaignRepository campaigns;

    @Inject
    private Clock clock;

    public CampaignDashboard dashboard(String code) {
        Campaign campaign = campaigns.byCode(code);
        long id = campaign.getId();
        int tasks = (int) number(rows(em, "select count(*) from campaign_task where campaign_id = ?1", id).get(0)[0]);
        return new CampaignDashboard(campaign.getCode(), campaign.getTitle(), tasks, units(id, tasks), offices(id), overdue(id));
    }

    private List<UnitProgress> units(long campaign, int tasks) {
        List<UnitProgress> units = new ArrayList<>();
        for (Object[] row : rows(em, "select u.name, sum(case when r.status = 'ACCEPTED' then 1 else 0 end),"
                + " sum(case when r.status = 'SUBMITTED' then 1 else 0 end), sum(case when r.status = 'RETURNED' then 1 else 0 end)"
                + " from campaign_unit cu join unit u on u.id = cu.unit_id left join ("
                + "   select r.unit_id, r.status from task_report r join campaign_task t on t.id = r.task_id where t.campaign_id = ?1"
                + " ) r on r.unit_id = cu.unit_id where cu.campaign_id = ?1 group by u.id, u.name order by u.name", campaign)) {
            long done = number(row[1]);
            long submitted = number(row[2]);
            long returned = number(row[3]);
            units.add(new UnitProgress((String) row[0], done, submitted, returned, Math.max(0, tasks - done - submitted - returned)));
        }
        return units;
    }

    /**
     * One statement: each office's task count (day null) and its acceptances per Asia/Shanghai day, made cumulative
     * here. An office's cells are its tasks times the enrolled units, as the matrix counts them.
     */
    private List<OfficeProgress> offices(long campaign) {
        long units = number(rows(em, "select count(*) from campaign_unit where campaign_id = ?1", campaign).get(0)[0]);
        Map<String, Long> cells = new LinkedHashMap<>();
        Map<String, List<Day>> days = new LinkedHashMap<>();
        String day = shanghaiDay("r.decided_at");
        for (Object[] row : rows(em, "select o.name, o.sort_order, null d, count(*) n from campaign_office o"
                + " join campaign_task_office tof on tof.office_id = o.id where o.campaign_id = ?1 group by o.id, o.name, o.sort_order"
                + " union all select o.name, o.sort_order, " + day + " d, count(*) n from campaign_office o"
                + " join campaign_task_office tof on tof.office_id = o.id join task_report r on r.task_id = tof.task_id"
                + " where o.campaign_id = ?1 and r.status = 'ACCEPTED' group by o.id, o.name, o.sort_order, d"
                + " order by 2, 1, 3", campaign)) {
            String office = (String) row[0];
            if (row[2] == null) {
                cells.put(office, number(row[3]) * units);
                days.put(office, new ArrayList<>());
            } else {
                List<Day> list = days.computeIfAbsent(office, o -> new ArrayList<>());
                long before = list.isEmpty() ? 0 : list.get(list.size() - 1).cumulative();
                list.add(new Day(String.valueOf(row[2]), before + number(row[3])));
            }
        }
        List<OfficeProgress> offices = new ArrayList<>();
        days.forEach((office, list) -> offices.add(new OfficeProgress(office, cells.getOrDefault(office, 0L), list)));
        return offices;
    }

    /** Tasks past their due time (and past the unit's extension) with units that sent nothing, as 已逾期 in the matrix. */
    private List<OverdueTask> overdue(long campaign) {
        LocalDateTime now = utc(clock.instant());
        List<OverdueTask> overdue = new ArrayList<>();
        for (Object[] row : rows(em, "select t.seq, t.text, t.due_at, count(*) from campaign_task t"
                + " join campaign_unit cu on cu.campaign_id = t.campaign_id"
                + " left join task_report r on r.task_id = t.id and r.unit_id = cu.unit_id"
                + " where t.campaign_id = ?1 and r.id is null and t.due_at < ?2 and (cu.extended_until is null or cu.extended_until < ?2)"
                + " group by t.id, t.seq, t.text, t.due_at order by t.seq", campaign, now)) {
            overdue.add(new OverdueTask((int) number(row[0]), (String) row[1], instant(row[2]), number(row[3])));
        }
        return overdue;
    }
}
