/** The REST API's frame: the application at {@code /api/v1}, its OpenAPI description and its JSON error bodies. */
package app.laurel.platform.api;
