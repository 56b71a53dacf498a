/** MicroProfile Config read in one place, through one typed list of keys with defaults for the embedded run. */
package app.laurel.platform.config;
