/**
 * Where uploaded files live: a directory from configuration ({@code LAUREL_STORAGE_DIR}); the database keeps
 * only their metadata. Uploads are streamed and checked by Tika here. Storage knows who uploaded a file but not
 * whose entry or report it belongs to: the features that hold files answer through {@link
 * app.laurel.storage.FileReadPolicy} and {@link app.laurel.storage.JudgeText}.
 */
package app.laurel.storage;
