/**
 * MicroProfile Health readiness: the portal is ready only when the database and the storage directory work and the
 * node's Data Grid runs (alone or with others).
 */
package app.laurel.platform.health;
