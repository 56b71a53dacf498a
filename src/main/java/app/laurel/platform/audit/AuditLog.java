package app.laurel.platform.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading the audit trail (操作日志) for the page, its export and the API: filtered, sorted and paged in the database.
 * An administrator sees every line. An organiser sees the lines of every contest and campaign (every organiser runs
 * every one of them, as the contest and campaign services allow) and their own lines; account, login and file lines
 * of other people stay with the administrators.
 * <p>
 * Built for millions of lines: each filter has an index that ends with the time (V22), a page reads one page of it,
 * and the count stops at {@link #COUNT_LIMIT}, since counting a whole unfiltered log would read all of it.
 * The role names are the identity feature's, written out because platform imports no feature.
 */
@Stateless
@RolesAllowed({"ORGANISER", "ADMIN"})
public class AuditLog {

    /** Counting stops here: the page then says "more than" and asks for a narrower filter (the export has them all). */
    public static final int COUNT_LIMIT = 10_000;

    private static final Set<String> SORTABLE = Set.of("occurredAt", "actor", "action", "contestCode");

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Resource
    private SessionContext session;

    /**
     * One page of lines, newest first unless {@code sort} (occurredAt, actor, action, contestCode) says otherwise;
     * ties by time, then by id, so paging never shows a line twice.
     */
    public List<AuditEvent> lines(AuditFilter filter, int first, int size, String sort, boolean ascending) {
        String field = sort != null && SORTABLE.contains(sort) ? sort : "occurredAt";
        String direction = ascending ? " asc" : " desc";
        String order = " order by e." + field + direction
                + ("occurredAt".equals(field) ? "" : ", e.occurredAt" + direction) + ", e.id" + direction;
        return query("select e from AuditEvent e", filter, order, AuditEvent.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(500, size))).getResultList();
    }

    /** How many lines the filter leaves, up to {@link #COUNT_LIMIT} + 1 (meaning "more than the limit"). */
    public int count(AuditFilter filter) {
        // The ids only, from the index the filter picks, and no further than one past the limit.
        return query("select e.id from AuditEvent e", filter, "", Long.class).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
    }

    /**
     * The next {@code size} lines, newest first, after the line {@code after} (null: from the newest): the export reads
     * the whole filtered log in such slices, each in its own short transaction, whatever its length.
     */
    public List<AuditEvent> slice(AuditFilter filter, AuditEvent after, int size) {
        Map<String, Object> extra = new HashMap<>();
        String where = "";
        if (after != null) {
            where = " and (e.occurredAt < :afterAt or (e.occurredAt = :afterAt and e.id < :afterId))";
            extra.put("afterAt", after.getOccurredAt());
            extra.put("afterId", after.getId());
        }
        TypedQuery<AuditEvent> query = query("select e from AuditEvent e", filter, where + " order by e.occurredAt desc, e.id desc",
                AuditEvent.class);
        extra.forEach(query::setParameter);
        return query.setMaxResults(size).getResultList();
    }

    /** Nothing but the role check, for a download that must be refused before its stream starts. */
    public void mayRead() {
        // the container's @RolesAllowed has done the work
    }

    /** The codes of the contests and campaigns that have lines, for the filter's list (a walk along their index). */
    public List<String> contests() {
        return em.createQuery("select distinct e.contestCode from AuditEvent e where e.contestCode is not null order by e.contestCode",
                String.class).getResultList();
    }

    /** The action codes that occur, for the filter's list. */
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", String.class).getResultList();
    }

    private <T> TypedQuery<T> query(String select, AuditFilter filter, String tail, Class<T> type) {
        // Conditions only for what is given: EclipseLink cannot bind a value to ":p is null".
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        condition(where, params, "e.contestCode = :contest", "contest", filter.contest());
        condition(where, params, "e.actor = :account", "account", filter.account());
        condition(where, params, "e.action = :action", "action", filter.action());
        condition(where, params, "e.occurredAt >= :since", "since", filter.since());
        condition(where, params, "e.occurredAt < :before", "before", filter.before());
        if (!session.isCallerInRole("ADMIN")) {
            condition(where, params, "(e.contestCode is not null or e.actor = :me)", "me", session.getCallerPrincipal().getName());
        }
        TypedQuery<T> query = em.createQuery(select + where + tail, type);
        params.forEach(query::setParameter);
        return query;
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.put(name, value);
        }
    }
}
