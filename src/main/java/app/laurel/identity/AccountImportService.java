package app.laurel.identity;

import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports units and accounts from one sheet ({@link AccountImport} for its layout), all or nothing: the file is read
 * and every row checked, against the database too (usernames taken, roles the caller may not give), before anything
 * is written; then everything is created in this one transaction, so a failure half-way leaves nothing behind.
 */
@Stateless
public class AccountImportService {

    /** An import file larger than this is no list of units. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What the import created, for the organiser's confirmation. */
    public record Imported(int unitsCreated, List<String> usernames) {
    }

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private AccountService accountService;

    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public Imported importSheet(String fileName, byte[] content) {
        if (content == null || content.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "accounts.import.tooLarge", MAX_BYTES / 1024);
        }
        AccountImport.Result read = AccountImport.read(fileName, content);
        List<FieldError> errors = new ArrayList<>(read.errors());
        errors.addAll(againstDatabase(read.accounts()));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(e -> e.field().startsWith("row") ? Integer.parseInt(e.field().substring(3)) : 0));
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Map<String, Unit> units = new HashMap<>();
        accounts.units().forEach(u -> units.put(u.getName(), u));
        int created = 0;
        for (Map.Entry<String, UnitType> named : read.units().entrySet()) {
            if (!units.containsKey(named.getKey())) {
                Unit unit = new Unit(named.getKey(), named.getValue(), false, now);
                accounts.add(unit);
                units.put(unit.getName(), unit);
                created++;
            }
        }
        List<String> usernames = new ArrayList<>();
        for (AccountImport.Row row : read.accounts()) {
            Unit unit = row.unitName() == null ? null : units.get(row.unitName());
            accounts.add(new Account(row.details(), hasher.hash(row.password()), EnumSet.of(row.role()), unit, now));
            usernames.add(row.details().username());
        }
        audit.record(caller.name(), "ACCOUNTS_IMPORTED", "file:" + fileName,
                created + " units, " + usernames.size() + " accounts: " + String.join(",", usernames));
        return new Imported(created, usernames);
    }

    private List<FieldError> againstDatabase(List<AccountImport.Row> rows) {
        Set<String> taken = new HashSet<>(accounts.takenUsernames(rows.stream().map(r -> r.details().username()).toList()));
        Set<Role> creatable = accountService.creatableRoles();
        List<FieldError> errors = new ArrayList<>();
        for (AccountImport.Row row : rows) {
            if (taken.contains(row.details().username())) {
                errors.add(AccountImport.cellError(row.rowNo(), "D", new Text("validation.username.taken")));
            }
            if (!creatable.contains(row.role())) {
                errors.add(AccountImport.cellError(row.rowNo(), "E", new Text("accounts.import.roleNotAllowed")));
            }
        }
        return errors;
    }
}
