/**
 * The application cache of what the public reads ({@code PublicCache}): rendered public pages and their JSON, kept
 * until something they show changes (the features tell it) or a short time has passed.
 */
package app.laurel.platform.cache;
