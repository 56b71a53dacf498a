/** REST resources for registration, tokens and accounts; each calls the same AccountService method as its page. */
package app.laurel.identity.api;
