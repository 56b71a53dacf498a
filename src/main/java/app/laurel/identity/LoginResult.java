package app.laurel.identity;

import java.time.Instant;
import java.util.Set;

/**
 * The outcome of checking a username and password. A failure is a value, not an exception, so that the
 * transaction that counted the failed attempt still commits.
 */
public record LoginResult(Status status, String username, Set<Role> roles, Instant retryAfter, String device) {

    public enum Status { OK, INVALID, THROTTLED }

    /** @param device the device cookie's value the client should keep (see {@link LoginThrottle}) */
    static LoginResult ok(Account account, String device) {
        return new LoginResult(Status.OK, account.getUsername(), account.getRoles(), null, device);
    }

    static LoginResult invalid() {
        return new LoginResult(Status.INVALID, null, Set.of(), null, null);
    }

    static LoginResult throttled(Instant until) {
        return new LoginResult(Status.THROTTLED, null, Set.of(), until, null);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
