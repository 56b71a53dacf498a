package app.laurel.publication;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;

/**
 * Adds the views {@link ColumnViews} counted to the stories' rows, every two seconds, one UPDATE per story read.
 * On a cluster every node flushes its own counts: each UPDATE adds this node's views to what the row holds, so the
 * nodes' flushes add up and none needs to lead.
 */
@Singleton
public class ColumnViewFlush {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ColumnViews views;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void flush() {
        for (Map.Entry<ColumnViews.Story, Long> counted : views.drain().entrySet()) {
            em.createNativeQuery("UPDATE column_item SET view_count = view_count + ? WHERE id = ?"
                            + " AND contest_id = (SELECT id FROM contest WHERE code = ?)")
                    .setParameter(1, counted.getValue()).setParameter(2, counted.getKey().itemId())
                    .setParameter(3, counted.getKey().contestCode()).executeUpdate();
        }
    }
}
