/** The audit log through the API: {@code GET /api/v1/audit} and its Excel export. */
package app.laurel.platform.audit.api;
