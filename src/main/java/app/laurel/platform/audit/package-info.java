/** The append-only audit trail that deadline extensions, screening decisions and objections write to. */
package app.laurel.platform.audit;
