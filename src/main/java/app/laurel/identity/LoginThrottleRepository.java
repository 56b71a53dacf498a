package app.laurel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The login throttle's counters and the clients each account knows, in the database so that every server of a
 * cluster sees the same counts. Keys are stored as SHA-256 (no addresses or device ids at rest); times as epoch
 * milliseconds, compared only with each other. A failure is counted by one atomic upsert, so concurrent guesses
 * cannot slip through between a read and a write.
 */
@ApplicationScoped
public class LoginThrottleRepository {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public Optional<LoginThrottle.Count> count(String key) {
        List<?> rows = em.createNativeQuery("SELECT failures, last_failure_ms FROM login_failure WHERE throttle_key = ?1")
                .setParameter(1, AccountService.sha256(key)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new LoginThrottle.Count(((Number) row[0]).intValue(),
                Instant.ofEpochMilli(((Number) row[1]).longValue())));
    }

    /** Counts a failure under the key, starting afresh if the last one is forgotten; sweeps forgotten counts. */
    public void recordFailure(String key, Instant now) {
        long forgotten = now.minus(LoginThrottle.FORGET_AFTER).toEpochMilli();
        em.createNativeQuery("INSERT INTO login_failure (throttle_key, failures, last_failure_ms) VALUES (?1, 1, ?2) "
                        + "ON DUPLICATE KEY UPDATE failures = IF(last_failure_ms < ?3, 1, failures + 1), last_failure_ms = ?4")
                .setParameter(1, AccountService.sha256(key)).setParameter(2, now.toEpochMilli())
                .setParameter(3, forgotten).setParameter(4, now.toEpochMilli()).executeUpdate();
        em.createNativeQuery("DELETE FROM login_failure WHERE last_failure_ms < ?1")
                .setParameter(1, forgotten).executeUpdate();
    }

    public void clear(String key) {
        em.createNativeQuery("DELETE FROM login_failure WHERE throttle_key = ?1")
                .setParameter(1, AccountService.sha256(key)).executeUpdate();
    }

    /** The first of the candidate client keys under which the account has logged in since {@code since}. */
    public Optional<String> knownAs(long accountId, List<String> candidates, Instant since) {
        for (String candidate : candidates) {
            List<?> rows = em.createNativeQuery("SELECT 1 FROM login_known_client "
                            + "WHERE account_id = ?1 AND client_key = ?2 AND last_login_ms >= ?3")
                    .setParameter(1, accountId).setParameter(2, AccountService.sha256(candidate))
                    .setParameter(3, since.toEpochMilli()).getResultList();
            if (!rows.isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public void remember(long accountId, String clientKey, Instant now) {
        em.createNativeQuery("INSERT INTO login_known_client (account_id, client_key, last_login_ms) VALUES (?1, ?2, ?3) "
                        + "ON DUPLICATE KEY UPDATE last_login_ms = ?4")
                .setParameter(1, accountId).setParameter(2, AccountService.sha256(clientKey))
                .setParameter(3, now.toEpochMilli()).setParameter(4, now.toEpochMilli()).executeUpdate();
    }
}
