package app.laurel.contest;

import app.laurel.platform.error.LaurelException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Reading contests, for everyone: the call for entries is public. Set-up use cases come with the contest issue. */
@Stateless
@PermitAll
public class ContestService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public List<Contest> listContests() {
        return em.createNamedQuery("Contest.all", Contest.class).getResultList();
    }

    public Contest byCode(String code) {
        if (code == null || code.length() > 20) {
            throw LaurelException.notFound("contest.notFound");
        }
        return em.createNamedQuery("Contest.byCode", Contest.class).setParameter("code", code)
                .getResultStream().findFirst()
                .orElseThrow(() -> LaurelException.notFound("contest.notFound"));
    }
}
