/**
 * Where uploaded files live: a directory from configuration ({@code LAUREL_STORAGE_DIR}); the database keeps
 * only their metadata. Later issues add streamed, Tika-checked uploads here.
 */
package app.laurel.storage;
