/** The resumable upload endpoint of the REST API. */
package app.laurel.storage.api;
