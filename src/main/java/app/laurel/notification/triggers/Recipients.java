package app.laurel.notification.triggers;

import app.laurel.identity.Role;
import app.laurel.platform.time.Clocks;
import app.laurel.submission.EntryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is told, in one query however many: a unit's administrators (the accounts that act for the unit; a judge
 * who merely works there is not one of them), and the people who entered a contest. Also how a deadline is written
 * in a message: Beijing time, whatever the server's zone.
 */
@ApplicationScoped
public class Recipients {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(Clocks.ZONE);

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    /** The enabled UNIT_ADMIN accounts of each unit, by unit id. */
    public Map<Long, List<Long>> unitAdmins(Collection<Long> unitIds) {
        Map<Long, List<Long>> byUnit = new HashMap<>();
        if (unitIds.isEmpty()) {
            return byUnit;
        }
        em.createQuery("select a.unit.id, a.id from Account a where a.unit.id in :units and a.enabled = true"
                        + " and :role member of a.roles order by a.id", Object[].class)
                .setParameter("units", unitIds).setParameter("role", Role.UNIT_ADMIN).getResultList()
                .forEach(row -> byUnit.computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>()).add((Long) row[1]));
        return byUnit;
    }

    /** The accounts that submitted an entry to the contest (not a draft, nor one they withdrew). */
    public List<Long> entrants(long contestId) {
        return em.createQuery("select distinct e.owner.id from Entry e where e.contest.id = :contest and e.status not in :out",
                        Long.class).setParameter("contest", contestId)
                .setParameter("out", EnumSet.of(EntryStatus.DRAFT, EntryStatus.WITHDRAWN)).getResultList();
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** The deadline's day, for an idempotency key: a deadline moved to another day is reminded of afresh. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }
}
