package app.laurel.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules that slow password guessing without locking out the person who owns the account (OWASP's "device
 * cookies"). Failures are counted under keys, never on the account row, so an unknown username is counted and
 * answered exactly like a known one:
 * <ul>
 *   <li>a client that has logged in to this account before (its device cookie, or its address) is counted
 *       only against itself for this account: an attacker elsewhere cannot lock it out;</li>
 *   <li>any other client is counted per username ({@value #FREE_PER_ACCOUNT} free failures) and per address
 *       ({@value #FREE_PER_ADDRESS}, for one address trying many usernames).</li>
 * </ul>
 * Past the free failures every attempt must wait, 30 seconds after the last failure and twice as long after each
 * further one, up to 15 minutes. A count is forgotten after an hour without failures.
 * <p>
 * Hand-written on purpose, not Bucket4j (issue 12 weighed it): these are lockout rules, not a rate limit. A token
 * bucket refills at a steady rate and is charged for every request; here only failures are charged, the wait doubles
 * with each failure past the free ones, a success clears the client's counters, and a client the account knows is
 * counted only against itself, keyed per address, per account and per known device at once. Bucket4j would model
 * none of the doubling or the known-client exemption, and its database back-ends keep a serialized bucket per key
 * read under a row lock, where {@link LoginThrottleRepository} counts with one atomic upsert on a SHA-256 of the key
 * (no address at rest) that holds across restarts and cluster nodes (issue 16). The rules are these 80 lines of
 * plain Java with a plain unit test ({@code LoginThrottleTest}); a library would add a dependency (not in the
 * project's registry list) and keep the same amount of code around it.
 */
public final class LoginThrottle {

    public static final int FREE_PER_ACCOUNT = 10;
    public static final int FREE_PER_ADDRESS = 30;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long a successful login keeps a client known. */
    public static final Duration KNOWN_FOR = Duration.ofDays(180);

    /** One counter: what it counts and how many failures it forgives. */
    public record Key(String value, int free) {
    }

    /** A counter as stored. */
    public record Count(int failures, Instant lastFailure) {
    }

    private LoginThrottle() {
    }

    /**
     * The counters an attempt is checked against and, if it fails, charged to.
     *
     * @param knownAs the client key (of {@link #clientKeys}) under which the account knows this client, or null
     */
    public static List<Key> keys(String username, LoginClient client, String knownAs) {
        if (knownAs != null) {
            return List.of(new Key("client|" + username + "|" + knownAs, FREE_PER_ACCOUNT));
        }
        return List.of(new Key("account|" + username, FREE_PER_ACCOUNT),
                new Key("address|" + client.address(), FREE_PER_ADDRESS));
    }

    /** The keys a client is remembered under after a successful login; the device (the stronger sign) first. */
    public static List<String> clientKeys(LoginClient client) {
        return client.device() == null
                ? List.of("address:" + client.address())
                : List.of("device:" + client.device(), "address:" + client.address());
    }

    /** When the next attempt may be made under this counter, if it must wait at all. */
    public static Optional<Instant> blockedUntil(Count count, int free, Instant now) {
        if (count == null || count.failures() < free || isForgotten(count, now)) {
            return Optional.empty();
        }
        int doublings = Math.min(count.failures() - free, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Instant until = count.lastFailure().plus(wait);
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    static boolean isForgotten(Count count, Instant now) {
        return count.lastFailure().plus(FORGET_AFTER).isBefore(now);
    }
}
