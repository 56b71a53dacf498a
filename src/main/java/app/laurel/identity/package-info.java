/**
 * Who is who: accounts and their roles, the member organisations (units) that submit, registration, login,
 * passwords and API tokens. {@link app.laurel.identity.AccountService} is the only way in.
 */
package app.laurel.identity;
