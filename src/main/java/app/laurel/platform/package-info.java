/**
 * Cross-cutting glue that no feature owns: configuration, schema migrations, security, language, health,
 * the REST application, the audit trail and the demo data.
 */
package app.laurel.platform;
