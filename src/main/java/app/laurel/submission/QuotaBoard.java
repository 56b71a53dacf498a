package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestUnit;
import jakarta.persistence.EntityManager;

import java.util.Comparator;

/** Counts one unit's entries against its quota; shared by the organiser's board and a unit's own view. */
final class QuotaBoard {

    /** Units below their minimum first, then by name. */
    static final Comparator<QuotaLine> ORDER = Comparator.comparing((QuotaLine l) -> !l.isBelowMinimum())
            .thenComparing(QuotaLine::unitName);

    private QuotaBoard() {
    }

    static QuotaLine line(EntityManager em, Contest contest, ContestUnit participation) {
        long counted = em.createNamedQuery("Entry.countByUnit", Long.class)
                .setParameter("unit", participation.getUnit()).setParameter("contest", contest)
                .setParameter("statuses", Entry.COUNTING).getSingleResult();
        return new QuotaLine(participation.getUnit().getId(), participation.getUnit().getName(),
                participation.getUnit().getUnitType(), (int) counted, participation.getQuota().min(),
                participation.getQuota().max());
    }
}
