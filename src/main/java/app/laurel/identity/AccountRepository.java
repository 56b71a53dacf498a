package app.laurel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    /** Revokes every usable token of the account, entity by entity so that any cached copy learns it too. */
    public int revokeTokens(Account account, java.time.Instant now) {
        List<ApiToken> live = em.createQuery(
                        "select t from ApiToken t where t.account.id = :account and t.revokedAt is null", ApiToken.class)
                .setParameter("account", account.getId()).getResultList();
        live.forEach(token -> token.revoke(now));
        return live.size();
    }

    /** Which of these usernames are taken, in one query (an import checks all its rows at once). */
    public List<String> takenUsernames(java.util.Collection<String> usernames) {
        return usernames.isEmpty() ? List.of() : em.createQuery(
                        "select a.username from Account a where a.username in :names", String.class)
                .setParameter("names", usernames).getResultList();
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

    /** The condition is built only for what was given (EclipseLink cannot bind {@code :p is null}). */
    public UnitSearch.Result units(UnitSearch search) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (search.text() != null) {
            where.append(" and lower(u.name) like :text escape '!'");
        }
        if (search.type() != null) {
            where.append(" and u.unitType = :type");
        }
        var count = em.createQuery("select count(u) from Unit u" + where, Long.class);
        var page = em.createQuery("select u from Unit u" + where + " order by u.unitType, u.name, u.id", Unit.class);
        if (search.text() != null) {
            // '!' escapes: a backslash would itself need escaping in MySQL's string literal.
            String like = "%" + search.text().toLowerCase(java.util.Locale.ROOT).replace("!", "!!")
                    .replace("%", "!%").replace("_", "!_") + "%";
            count.setParameter("text", like);
            page.setParameter("text", like);
        }
        if (search.type() != null) {
            count.setParameter("type", search.type());
            page.setParameter("type", search.type());
        }
        return new UnitSearch.Result(page.setFirstResult(search.offset()).setMaxResults(search.size()).getResultList(),
                count.getSingleResult());
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
