/** Backing beans of the login, registration, account and account-management pages. */
package app.laurel.identity.web;
