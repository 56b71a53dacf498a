package app.laurel.identity;

/** What a citizen fills in to register. */
public record Registration(AccountDetails details, String password, String passwordConfirmation) {
}
