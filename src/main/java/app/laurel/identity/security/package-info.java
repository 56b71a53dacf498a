/**
 * How a request becomes a caller: one Jakarta Security mechanism for both the pages (form login kept in the
 * HTTP session) and the REST API (bearer tokens, no session), backed by {@link app.laurel.identity.AccountService}.
 */
package app.laurel.identity.security;
