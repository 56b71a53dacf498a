package app.laurel.identity.api;

import app.laurel.identity.AccountDetails;
import app.laurel.identity.AccountImport;
import app.laurel.identity.AccountImportService;
import app.laurel.identity.AccountService;
import app.laurel.identity.NewAccount;
import app.laurel.identity.Registration;
import app.laurel.identity.Role;
import app.laurel.identity.UnitType;
import app.laurel.identity.security.LoginClients;
import app.laurel.platform.api.Params;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.sheet.SheetRows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Accounts: a citizen registers, anyone reads their own account, organisers create unit and judge accounts. */
@Path("")
@RequestScoped
@Tag(name = "accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record RegistrationJson(String username, String displayName, String phone, String email, String password) {
    }

    public record NewAccountJson(String username, String displayName, String phone, String email, String role,
                                 String unitName, String unitType, String initialPassword) {
    }

    @Inject
    private AccountService accounts;

    @Inject
    private LoginClients clients;

    @Inject
    private AccountImportService importer;

    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register as a citizen (PUBLIC role)")
    public Response register(RegistrationJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        AccountDetails details = AccountDetails.normalised(body.username(), body.displayName(), body.phone(), body.email());
        return Response.status(Response.Status.CREATED)
                .entity(AccountJson.of(accounts.register(new Registration(details, body.password(), null)))).build();
    }

    @GET
    @Path("me")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The account the token belongs to")
    public AccountJson me() {
        return AccountJson.of(accounts.currentAccount());
    }

    public record PasswordChangeJson(String currentPassword, String newPassword) {
    }

    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change the caller's password; 400 if the current one is wrong or the new one too weak",
            description = "Wrong current passwords count like failed logins (429 with Retry-After). Every API token of the account, this one included, is revoked; other page sessions end.")
    public Response changePassword(PasswordChangeJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        accounts.changePassword(body.currentPassword(), body.newPassword(), null, clients.current());
        return Response.noContent().build();
    }

    @GET
    @Path("accounts")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "All accounts (organisers and administrators)")
    public List<AccountJson> list() {
        return accounts.listAccounts().stream().map(AccountJson::of).toList();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a unit administrator's or a judge's account (organisers); organisers too (administrators)")
    public Response create(NewAccountJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        AccountDetails details = AccountDetails.normalised(body.username(), body.displayName(), body.phone(), body.email());
        NewAccount request = new NewAccount(details, Params.choice(Role.class, body.role(), "role", false), body.unitName(),
                Params.choice(UnitType.class, body.unitType(), "unitType", false), body.initialPassword());
        return Response.status(Response.Status.CREATED).entity(AccountJson.of(accounts.createAccount(request))).build();
    }

    /** What an import created: the page says the same in words. */
    public record AccountsImportedJson(int unitsCreated, List<String> usernames) {
    }

    @POST
    @Path("accounts/import")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Import units and accounts from an .xlsx or .csv (name it with ?fileName=; columns as on the "
            + "accounts page); one bad row and nothing is imported, every bad row is listed in 'fields' (row2, row3…)")
    public Response importSheet(@QueryParam("fileName") String fileName, InputStream body) throws IOException {
        byte[] content = SheetRows.readAtMost(body, AccountImportService.MAX_BYTES, AccountImport.KEYS);
        AccountImportService.Imported done = importer.importSheet(fileName, content);
        return Response.status(Response.Status.CREATED)
                .entity(new AccountsImportedJson(done.unitsCreated(), done.usernames())).build();
    }

}
