package app.laurel.platform.cluster;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import app.laurel.platform.persistence.Aggregates;
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

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node writes where it is and which members its grid sees to {@code cluster_node} every
 * {@code laurel.cluster.heartbeat-every}, then reads the heartbeats written in the last
 * {@code laurel.cluster.heartbeat-lost-after} and tells {@link Membership} whether a stronger side of the cluster
 * lives without this node ({@link Heartbeat#strongerRival}). That is how a node that could not join the others
 * (a wrong cluster name, a firewall, a typo in the member list) knows it: alone in its grid it looks exactly like the
 * survivor of two, but the database, which every node shares, still hears the others.
 * <p>
 * The database's clock stamps the rows, so the nodes' clocks need not agree. A node that cannot reach the database
 * keeps its last judgement (the database's own readiness check already says not ready). The time a heartbeat is
 * trusted must stay shorter than a node takes to boot, so that a node restarted at another address does not find
 * its own predecessor still alive; at the same address the predecessor's row is removed at once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Cluster cluster;

    @Inject
    private Membership membership;

    @Inject
    private LaurelConfig config;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    /** False until a heartbeat was written and judged: a node whose database was away at start judges at once later. */
    private boolean judgedOnce;

    @PostConstruct
    void start() {
        beat();
        long every = config.duration(Key.CLUSTER_HEARTBEAT_EVERY).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        beat();
    }

    private void beat() {
        Optional<Cluster.Seen> seen = cluster.seen();
        if (seen.isEmpty()) {
            return;
        }
        Cluster.Seen self = seen.get();
        try {
            transaction.begin();
            write(self, !judgedOnce);
            List<Heartbeat> live = live();
            transaction.commit();
            Heartbeat mine = live.stream().filter(beat -> beat.member().equals(self.member())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this node's heartbeat is not among the live ones"));
            membership.judged(Heartbeat.strongerRival(mine, live), !judgedOnce);
            judgedOnce = true;
        } catch (Exception e) {
            LOG.log(Level.FINE, "Heartbeat not written; the last judgement stands", e);
            rollBack();
        }
    }

    private void write(Cluster.Seen self, boolean first) {
        String members = String.join(",", self.members());
        em.createNativeQuery("insert into cluster_node (member_id, address, members, started_at, seen_at)"
                        + " values (?1, ?2, ?3, now(3), now(3))"
                        + " on duplicate key update address = ?4, members = ?5, seen_at = now(3)")
                .setParameter(1, self.member()).setParameter(2, self.address()).setParameter(3, members)
                .setParameter(4, self.address()).setParameter(5, members).executeUpdate();
        if (first) {
            // A node that held this address before is gone: two running nodes cannot bind one address.
            em.createNativeQuery("delete from cluster_node where address = ?1 and member_id <> ?2")
                    .setParameter(1, self.address()).setParameter(2, self.member()).executeUpdate();
        }
        em.createNativeQuery("delete from cluster_node where seen_at < now(3) - interval 1 hour").executeUpdate();
    }

    private List<Heartbeat> live() {
        long micros = config.duration(Key.CLUSTER_HEARTBEAT_LOST_AFTER).toNanos() / 1000;
        return Aggregates.rows(em, "select member_id, address, members, started_at from cluster_node"
                        + " where seen_at >= now(3) - interval ?1 microsecond", micros).stream()
                .map(row -> new Heartbeat((String) row[0], (String) row[1], Heartbeat.members((String) row[2]),
                        Aggregates.instant(row[3])))
                .toList();
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not roll back a heartbeat", e);
        }
    }
}
