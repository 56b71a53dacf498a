/**
 * Synthetic contests of any size, written straight into a database migrated by the real Flyway migrations, for the
 * benchmarks of issue 15 (and for looking at a 40,000-entry contest in the portal). Plain JDBC with multi-row
 * INSERTs, not JPA: the 40,000-entry, 300-judge, 1.8-million-score contest must take minutes, not hours.
 */
package app.laurel.bench.generate;
