package app.laurel.identity;

import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every use case about accounts: registering, creating staff accounts, logging in, changing a password,
 * API tokens. The transaction and authorization boundary: pages and REST resources call these methods and
 * nothing else.
 */
@Stateless
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private LoginThrottleRepository throttle;

    @Inject
    private AuditTrail audit;

    @Inject
    private LaurelConfig config;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

    @Inject
    private CurrentCaller caller;

    /** A citizen registers themself; they get the PUBLIC role and nothing more. */
    @PermitAll
    public Account register(Registration registration) {
        AccountDetails details = registration.details();
        List<FieldError> errors = new ArrayList<>(details.validate(true));
        errors.addAll(PasswordPolicy.check("password", registration.password(), registration.passwordConfirmation(),
                details.username()));
        failIfAny(errors);
        requireFreeUsername(details.username());
        Account account = new Account(details, hasher.hash(registration.password()), EnumSet.of(Role.PUBLIC), null,
                clock.instant());
        accounts.add(account);
        audit.record(details.username(), "ACCOUNT_REGISTERED", "account:" + account.getId(), null);
        return account;
    }

    /**
     * An organiser creates the account of a unit's administrator or of a judge; only an administrator may
     * create organisers. The initial password is the organiser's to pass on, and the policy still applies.
     */
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public Account createAccount(NewAccount request) {
        AccountDetails details = request.details();
        List<FieldError> errors = new ArrayList<>(details.validate(false));
        errors.addAll(PasswordPolicy.check("initialPassword", request.initialPassword(), null, details.username()));
        if (request.role() == null) {
            errors.add(new FieldError("role", "validation.required"));
        } else if (!mayCreate(request.role())) {
            throw LaurelException.forbidden("account.create.roleNotAllowed", request.role().name());
        }
        String unitName = request.unitName() == null ? null : request.unitName().strip();
        if (request.role() == Role.UNIT_ADMIN && (unitName == null || unitName.isEmpty())) {
            errors.add(new FieldError("unitName", "validation.required"));
        } else if (unitName != null && unitName.length() > Unit.MAX_NAME) {
            errors.add(new FieldError("unitName", "validation.length", 1, Unit.MAX_NAME));
        }
        failIfAny(errors);
        requireFreeUsername(details.username());
        Unit unit = unitName == null || unitName.isEmpty() ? null : unitNamed(unitName, request.unitType());
        Account account = new Account(details, hasher.hash(request.initialPassword()), EnumSet.of(request.role()), unit,
                clock.instant());
        accounts.add(account);
        audit.record(caller.name(), "ACCOUNT_CREATED", "account:" + account.getId(),
                request.role() + " " + details.username() + (unit == null ? "" : " @ " + unit.getName()));
        return account;
    }

    /**
     * Checks a username and password under the login throttle ({@link LoginThrottle}). Runs in its own
     * transaction and reports failure as a value so that the count commits. An unknown username costs the same
     * hashing time and is counted under the same rules as a known one, so the answers cannot tell them apart.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginResult verifyCredentials(String username, String password, LoginClient client) {
        if (username == null || password == null || username.isBlank() || password.isEmpty() || password.length() > 1024
                || username.length() > 200) {
            return LoginResult.invalid();
        }
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        Optional<Account> found = accounts.byUsername(name);
        String knownAs = found.flatMap(a -> throttle.knownAs(a.getId(), LoginThrottle.clientKeys(client),
                now.minus(LoginThrottle.KNOWN_FOR))).orElse(null);
        List<LoginThrottle.Key> keys = LoginThrottle.keys(name, client, knownAs);
        Optional<Instant> blocked = blockedUntil(keys, now);
        if (blocked.isPresent()) {
            return LoginResult.throttled(blocked.get());
        }
        if (found.isEmpty()) {
            hasher.spendTimeLikeAVerification(password);
            keys.forEach(key -> throttle.recordFailure(key.value(), now));
            return LoginResult.invalid();
        }
        Account account = found.get();
        if (!hasher.matches(password, account.getPasswordHash()) || !account.isEnabled()) {
            keys.forEach(key -> throttle.recordFailure(key.value(), now));
            if (blockedUntil(keys, now).isPresent()) {
                audit.record(account.getUsername(), "LOGIN_THROTTLED", "account:" + account.getId(), null);
            }
            return LoginResult.invalid();
        }
        // Success forgives this account's counts, never the address's: an attacker logging in to an account
        // of their own between guesses must not reset what their address has tried against others.
        keys.stream().filter(key -> !key.value().startsWith("address|")).forEach(key -> throttle.clear(key.value()));
        String device = client.device() != null ? client.device() : newDevice();
        LoginClient kept = new LoginClient(client.address(), device);
        LoginThrottle.clientKeys(kept).forEach(key -> throttle.remember(account.getId(), key, now));
        return LoginResult.ok(account, device);
    }

    private Optional<Instant> blockedUntil(List<LoginThrottle.Key> keys, Instant now) {
        return keys.stream()
                .flatMap(key -> throttle.count(key.value()).flatMap(c -> LoginThrottle.blockedUntil(c, key.free(), now)).stream())
                .max(Instant::compareTo);
    }

    private static String newDevice() {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /**
     * Changes the caller's password after checking the current one under the login throttle (a stolen session
     * must not be a way to guess it), and revokes every API token of the account: whoever held a token made
     * with the old password, or stole one, must log in again. Other sessions end too ({@link #sessionValid}).
     */
    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public void changePassword(String currentPassword, String newPassword, String confirmation, LoginClient client) {
        Account account = currentAccount();
        // Through the container, in a transaction of its own: the refusal below rolls this one back, the count must stay.
        LoginResult check = session.getBusinessObject(AccountService.class)
                .verifyCredentials(account.getUsername(), currentPassword == null ? "" : currentPassword, client);
        if (check.status() == LoginResult.Status.THROTTLED) {
            long seconds = Math.max(1, java.time.Duration.between(clock.instant(), check.retryAfter()).toSeconds() + 1);
            throw new LaurelException(LaurelException.Kind.THROTTLED, "login.throttled", seconds);
        }
        if (!check.isOk()) {
            throw InvalidInputException.of("currentPassword", "password.change.wrongCurrent");
        }
        failIfAny(PasswordPolicy.check("newPassword", newPassword, confirmation, account.getUsername()));
        Instant now = clock.instant();
        account.changePassword(hasher.hash(newPassword), now);
        int revoked = accounts.revokeTokens(account, now);
        audit.record(account.getUsername(), "PASSWORD_CHANGED", "account:" + account.getId(),
                revoked == 0 ? null : revoked + " API tokens revoked");
    }

    /**
     * Whether a page session still speaks for the account: not once the password changed since it logged in
     * ({@link Account#sessionStamp}, whoever changed it, on whatever device), nor once the account is disabled.
     */
    @PermitAll
    public boolean sessionValid(String username, String stamp) {
        return sessionGroups(username, stamp).isPresent();
    }

    /**
     * The groups (role names) a page session speaks for, read from the account at each request; empty when the
     * session no longer speaks for it ({@link #sessionValid}). A session carried to another node of a cluster
     * brings its principal but not the groups the login gave it, so the session's request names them again.
     */
    @PermitAll
    public Optional<Set<String>> sessionGroups(String username, String stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        return accounts.byUsername(username)
                .filter(Account::isEnabled)
                .filter(a -> a.sessionStamp().equals(stamp))
                .map(a -> a.getRoles().stream().map(Role::name).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The stamp a session that logs in (or changes its own password) now keeps: {@link #sessionValid}. */
    @PermitAll
    public String sessionStamp(String username) {
        return accounts.byUsername(username).map(Account::sessionStamp).orElse(null);
    }

    /** Issues an API token for a username and password; refusals are values, like {@link #verifyCredentials}. */
    @PermitAll
    public TokenOutcome issueToken(String username, String password, LoginClient client) {
        LoginResult login = verifyCredentials(username, password, client);
        if (!login.isOk()) {
            return new TokenOutcome(login, null);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "lrl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.tokenTtl());
        Account account = accounts.byUsername(login.username()).orElseThrow();
        accounts.add(new ApiToken(sha256(token), account, now, expiresAt));
        audit.record(account.getUsername(), "TOKEN_ISSUED", "account:" + account.getId(), null);
        return new TokenOutcome(login, new IssuedToken(token, expiresAt));
    }

    /** Who a bearer token stands for, if it is known, unexpired, unrevoked and its account enabled. */
    @PermitAll
    public Optional<Caller> resolveToken(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return accounts.tokenByHash(sha256(token))
                .filter(t -> t.isUsable(now))
                .map(t -> new Caller(t.getAccount().getUsername(), t.getAccount().getRoles()));
    }

    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public void revokeToken(String token) {
        ApiToken found = accounts.tokenByHash(sha256(token))
                .orElseThrow(() -> LaurelException.notFound("token.notFound"));
        if (!found.getAccount().getUsername().equals(caller.name())) {
            throw LaurelException.notFound("token.notFound");
        }
        found.revoke(clock.instant());
        audit.record(caller.name(), "TOKEN_REVOKED", "account:" + found.getAccount().getId(), null);
    }

    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public Account currentAccount() {
        return accounts.byUsername(caller.name()).orElseThrow(() -> LaurelException.notFound("account.notFound"));
    }

    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public List<Account> listAccounts() {
        return accounts.all();
    }

    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public List<Unit> listUnits() {
        return accounts.units();
    }

    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public UnitSearch.Result searchUnits(UnitSearch search) {
        return accounts.units(search);
    }

    /** The roles the caller may hand out when creating an account. */
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public Set<Role> creatableRoles() {
        return session.isCallerInRole(Roles.ADMIN)
                ? EnumSet.of(Role.UNIT_ADMIN, Role.JUDGE, Role.REVIEWER, Role.ORGANISER)
                : EnumSet.of(Role.UNIT_ADMIN, Role.JUDGE, Role.REVIEWER);
    }

    private boolean mayCreate(Role role) {
        return creatableRoles().contains(role);
    }

    private Unit unitNamed(String name, UnitType type) {
        return accounts.unitByName(name).orElseGet(() -> {
            Unit unit = new Unit(name, type == null ? UnitType.OTHER : type, false, clock.instant());
            accounts.add(unit);
            audit.record(caller.name(), "UNIT_CREATED", "unit:" + name, unit.getUnitType().name());
            return unit;
        });
    }

    private void requireFreeUsername(String username) {
        if (accounts.byUsername(username).isPresent()) {
            throw InvalidInputException.of("username", "validation.username.taken");
        }
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }


    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
