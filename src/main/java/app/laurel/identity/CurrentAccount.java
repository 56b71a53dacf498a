package app.laurel.identity;

import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The calling account, for services that act on the caller's unit or entries. */
@ApplicationScoped
public class CurrentAccount {

    @Inject
    private CurrentCaller caller;

    @Inject
    private AccountRepository accounts;

    /** Refused (403) when the caller has no account. */
    public Account get() {
        return accounts.byUsername(caller.name()).orElseThrow(() -> LaurelException.forbidden("api.forbidden"));
    }
}
