package app.laurel.notification.triggers;

import app.laurel.judging.Round;
import app.laurel.judging.RoundOpened;
import app.laurel.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Tells each judge of a round just opened that they are on its panel, and how many entries wait for them: the
 * number from one grouped count over the round's scorecards, however large the panel.
 */
@ApplicationScoped
public class JudgingMessages {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    void opened(@Observes RoundOpened event) {
        Round round = em.find(Round.class, event.roundId());
        // The query flushes the scorecards the opening has just persisted, so they are counted.
        em.createQuery("select s.judge.id, count(s) from Scorecard s where s.roundEntry.round = :round group by s.judge.id",
                        Object[].class).setParameter("round", round).getResultList()
                .forEach(row -> outbox.toAccount((Long) row[0], "judgeAssigned", "round:" + round.getId(),
                        round.getContest().getTitle(), round.getName(), ((Number) row[1]).longValue()));
    }
}
