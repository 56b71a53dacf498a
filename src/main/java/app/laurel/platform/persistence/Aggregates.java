package app.laurel.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Grouped native SQL for the dashboards: the rows of one statement and the values in them as MySQL Connector/J hands
 * them back (counts as Long, sums as BigDecimal, DATETIMEs as the UTC they were written in).
 */
public final class Aggregates {

    private Aggregates() {
    }

    /** The Asia/Shanghai calendar day of a stored UTC time: China keeps no summer time, so always eight hours on. */
    public static String shanghaiDay(String column) {
        return "date(date_add(" + column + ", interval 8 hour))";
    }

    /** The rows of {@code sql} with positional parameters ?1, ?2 … bound to {@code parameters} in order. */
    public static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        // JPA hands back a statement of one column as bare values, not one-element rows; every caller reads rows.
        return rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[]{row}).toList();
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i : null;
    }

    /** An instant as a parameter compared with a DATETIME column holding UTC. */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
