/** MicroProfile Health readiness: the portal is ready only when the database and the storage directory work. */
package app.laurel.platform.health;
