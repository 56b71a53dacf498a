/**
 * The public side through the REST API: notices and objections, certificates and their verification, prizes,
 * and the column (public reading, publishing for organisers). The pages call the same services.
 */
package app.laurel.publication.api;
