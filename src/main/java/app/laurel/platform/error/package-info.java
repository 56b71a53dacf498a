/** Typed refusals shared by all features, and how pages and the API show them. */
package app.laurel.platform.error;
