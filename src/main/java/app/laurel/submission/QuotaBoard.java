package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestUnit;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts one unit's entries against its quota; shared by the organiser's board and a unit's own view. */
final class QuotaBoard {

    /** Units below their minimum first, then by name. */
    static final Comparator<QuotaLine> ORDER = Comparator.comparing((QuotaLine l) -> !l.isBelowMinimum())
            .thenComparing(QuotaLine::unitName);

    private QuotaBoard() {
    }

    /**
     * Every enrolled unit's line, in {@link #ORDER}: counted in two grouped statements over the contest's entries
     * instead of one count per unit (a provincial contest enrols a hundred units or more). The same rule as
     * {@link #line}: a unit's own entries, and citizens' entries naming it as township once it recommended them; a
     * recommended entry never has a unit of its own (only such entries are candidates), so none is counted twice.
     */
    static List<QuotaLine> lines(EntityManager em, Contest contest) {
        Map<Long, Long> counted = new HashMap<>();
        for (String sql : List.of("select e.unit.id, count(e) from Entry e where e.contest = :contest"
                        + " and e.status in :statuses and e.unit is not null group by e.unit.id",
                "select e.township.id, count(e) from Entry e where e.contest = :contest and e.status in :statuses"
                        + " and e.unit is null and e.township is not null and e.recommendedAt is not null group by e.township.id")) {
            em.createQuery(sql, Object[].class).setParameter("contest", contest).setParameter("statuses", Entry.COUNTING)
                    .getResultList().forEach(r -> counted.merge((Long) r[0], ((Number) r[1]).longValue(), Long::sum));
        }
        List<QuotaLine> lines = new ArrayList<>();
        for (ContestUnit participation : contest.getUnits()) {
            lines.add(line(participation, counted.getOrDefault(participation.getUnit().getId(), 0L)));
        }
        lines.sort(ORDER);
        return lines;
    }

    static QuotaLine line(EntityManager em, Contest contest, ContestUnit participation) {
        long counted = em.createNamedQuery("Entry.countByUnit", Long.class)
                .setParameter("unit", participation.getUnit()).setParameter("contest", contest)
                .setParameter("statuses", Entry.COUNTING).getSingleResult();
        return line(participation, counted);
    }

    private static QuotaLine line(ContestUnit participation, long counted) {
        return new QuotaLine(participation.getUnit().getId(), participation.getUnit().getName(),
                participation.getUnit().getUnitType(), (int) counted, participation.getQuota().min(),
                participation.getQuota().max());
    }
}
