package app.laurel.identity.web;

import app.laurel.identity.Account;
import app.laurel.identity.AccountImport;
import app.laurel.identity.AccountImportService;
import app.laurel.identity.AccountService;
import app.laurel.identity.NewAccount;
import app.laurel.identity.Role;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import app.laurel.platform.sheet.SheetRows;
import app.laurel.platform.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** {@code /organiser/accounts.xhtml}: organisers create unit administrators' and judges' accounts and see all accounts. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountImportService importer;

    private AccountForm form = new AccountForm();
    private transient Part sheet;
    private Role role = Role.UNIT_ADMIN;
    private String unitName;
    private UnitType unitType = UnitType.TOWNSHIP;
    private String initialPassword;
    // Read several times per render (table, paging, autocomplete); fetched once and dropped after a change.
    private transient List<Account> all;
    private transient List<Unit> units;

    public void create() {
        Account created = accounts.createAccount(new NewAccount(
                form.toDetails(), role, unitName, unitType, initialPassword));
        FacesFeedback.info("accounts.created", created.getUsername());
        all = null;
        units = null;
        form = new AccountForm();
        unitName = initialPassword = null;
    }

    /** The import form is a plain multipart post: the sheet is read once, at most 2 MB, and checked row by row. */
    public void importSheet() {
        if (sheet == null || sheet.getSize() == 0) {
            FacesFeedback.error("accounts.import.choose");
            return;
        }
        try (InputStream in = sheet.getInputStream()) {
            byte[] content = SheetRows.readAtMost(in, AccountImportService.MAX_BYTES, AccountImport.KEYS);
            AccountImportService.Imported done = importer.importSheet(sheet.getSubmittedFileName(), content);
            FacesFeedback.info("accounts.import.done", done.unitsCreated(), done.usernames().size());
            all = null;
            units = null;
        } catch (IOException e) {
            FacesFeedback.error("accounts.import.unreadable");
        }
    }

    public Part getSheet() {
        return sheet;
    }

    public void setSheet(Part sheet) {
        this.sheet = sheet;
    }

    public List<Account> getAll() {
        if (all == null) {
            all = accounts.listAccounts();
        }
        return all;
    }

    public List<Unit> getUnits() {
        if (units == null) {
            units = accounts.listUnits();
        }
        return units;
    }

    /** Suggests existing units as the organiser types, so one unit is not created twice under two spellings. */
    public List<String> completeUnit(String query) {
        String q = query == null ? "" : query.strip();
        return getUnits().stream().map(Unit::getName).filter(name -> name.contains(q)).limit(20).toList();
    }

    public Set<Role> getRoles() {
        return accounts.creatableRoles();
    }

    public UnitType[] getUnitTypes() {
        return UnitType.values();
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public void setUnitType(UnitType unitType) {
        this.unitType = unitType;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }

    public AccountForm getForm() {
        return form;
    }
}
