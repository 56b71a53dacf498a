/** The contest dashboard's figures as JSON under {@code /api/v1/contests/{code}/dashboard}, from the service the page calls. */
package app.laurel.workspace.api;
