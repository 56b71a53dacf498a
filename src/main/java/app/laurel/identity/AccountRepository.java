package app.laurel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Accounts, units and tokens in the database. Joins the caller's transaction; has no rules of its own. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public Optional<Account> byUsername(String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** Locks the row so that concurrent login attempts count their failures one after another. */
    public Optional<Account> byUsernameForUpdate(String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public List<Account> all() {
        return em.createNamedQuery("Account.all", Account.class).getResultList();
    }

    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    public Optional<Unit> unitByName(String name) {
        return em.createNamedQuery("Unit.byName", Unit.class).setParameter("name", name).getResultStream().findFirst();
    }

    public List<Unit> units() {
        return em.createNamedQuery("Unit.all", Unit.class).getResultList();
    }

    public void add(Unit unit) {
        em.persist(unit);
    }

    public Optional<ApiToken> tokenByHash(String hash) {
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", hash).getResultStream().findFirst();
    }

    public void add(ApiToken token) {
        em.persist(token);
    }
}
