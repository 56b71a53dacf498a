/** The data source, Flyway migrations run at start-up, and persistence helpers shared by features. */
package app.laurel.platform.persistence;
