package app.laurel.identity;

/** Either a token, or the login result that says why there is none. */
public record TokenOutcome(LoginResult login, IssuedToken token) {
}
