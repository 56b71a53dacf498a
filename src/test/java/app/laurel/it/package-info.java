/**
 * Integration and browser tests: the real WAR on Payara Micro, a real MariaDB (or the server named by
 * {@code LAUREL_TEST_DB_URL}) reached through MySQL Connector/J, and headless Chromium. Each test makes its own
 * data with unique names, so the order of tests does not matter and an external database can be reused.
 */
package app.laurel.it;
