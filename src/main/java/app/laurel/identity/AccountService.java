package app.laurel.identity;

import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
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
    private AuditTrail audit;

    @Inject
    private LaurelConfig config;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

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
        audit.record(caller(), "ACCOUNT_CREATED", "account:" + account.getId(),
                request.role() + " " + details.username() + (unit == null ? "" : " @ " + unit.getName()));
        return account;
    }

    /**
     * Checks a username and password, counting failures for the throttle. Runs in its own transaction and
     * reports failure as a value so that the count commits.
     */
    @PermitAll
    public LoginResult verifyCredentials(String username, String password) {
        if (username == null || password == null || username.isBlank() || password.isEmpty() || password.length() > 1024) {
            return LoginResult.invalid();
        }
        Optional<Account> found = accounts.byUsernameForUpdate(username.strip().toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            hasher.spendTimeLikeAVerification(password);
            return LoginResult.invalid();
        }
        Account account = found.get();
        Instant now = clock.instant();
        Optional<Instant> blocked = account.loginBlockedUntil(now);
        if (blocked.isPresent()) {
            return LoginResult.throttled(blocked.get());
        }
        if (!hasher.matches(password, account.getPasswordHash()) || !account.isEnabled()) {
            account.recordFailedLogin(now);
            if (account.getFailedLogins() == Account.FREE_FAILED_LOGINS) {
                audit.record(account.getUsername(), "LOGIN_THROTTLED", "account:" + account.getId(), null);
            }
            return LoginResult.invalid();
        }
        account.recordSuccessfulLogin();
        return LoginResult.ok(account);
    }

    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public void changePassword(String currentPassword, String newPassword, String confirmation) {
        Account account = currentAccount();
        if (currentPassword == null || !hasher.matches(currentPassword, account.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "password.change.wrongCurrent");
        }
        failIfAny(PasswordPolicy.check("newPassword", newPassword, confirmation, account.getUsername()));
        account.changePassword(hasher.hash(newPassword), clock.instant());
        audit.record(account.getUsername(), "PASSWORD_CHANGED", "account:" + account.getId(), null);
    }

    /** Issues an API token for a username and password; refusals are values, like {@link #verifyCredentials}. */
    @PermitAll
    public TokenOutcome issueToken(String username, String password) {
        LoginResult login = verifyCredentials(username, password);
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
        if (!found.getAccount().getUsername().equals(caller())) {
            throw LaurelException.notFound("token.notFound");
        }
        found.revoke(clock.instant());
        audit.record(caller(), "TOKEN_REVOKED", "account:" + found.getAccount().getId(), null);
    }

    @RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
    public Account currentAccount() {
        return accounts.byUsername(caller()).orElseThrow(() -> LaurelException.notFound("account.notFound"));
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
            audit.record(caller(), "UNIT_CREATED", "unit:" + name, unit.getUnitType().name());
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

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
