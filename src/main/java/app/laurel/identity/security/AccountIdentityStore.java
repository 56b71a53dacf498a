package app.laurel.identity.security;

import app.laurel.identity.AccountService;
import app.laurel.identity.LoginResult;
import app.laurel.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.stream.Collectors;

/** Checks form-login credentials against the accounts, through the same service method the API's token request uses. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Inject
    private LoginAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        LoginResult result = accounts.verifyCredentials(credential.getCaller(), credential.getPasswordAsString(),
                attempt.client());
        attempt.record(result);
        if (!result.isOk()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.username(),
                result.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
