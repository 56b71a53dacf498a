package app.laurel.platform.caller;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Who is calling a service, for its audit records and ownership checks. A session bean, so that it sees what the
 * calling service's own {@code SessionContext} saw: the caller's identity travels with every local call to it, also
 * into timers and asynchronous work, where the container's unauthenticated principal answers, exactly as it did for
 * the private {@code caller()} helper each service used to carry.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CurrentCaller {

    @Resource
    private SessionContext session;

    /** The caller's username; for nobody logged in, the name the container gives an unauthenticated caller. */
    public String name() {
        return session.getCallerPrincipal().getName();
    }
}
