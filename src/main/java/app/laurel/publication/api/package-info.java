/** The column through the REST API: public reading, and publishing for organisers. */
package app.laurel.publication.api;
