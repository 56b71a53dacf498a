/**
 * Operations run beside the portal, from the command line: backup and restore of the database and the file store
 * ({@link app.laurel.ops.Backup}, {@link app.laurel.ops.Restore}), and the crash and heap measurements. They live
 * with the tests because, like the run launcher, they may start the embedded MariaDB.
 */
package app.laurel.ops;
