/**
 * Benchmarks, run by hand with {@code mvn -Pbench package} (see docs/performance.md), never as tests: figures
 * depend on the machine, so they are recorded with the machine they came from, not asserted.
 */
package app.laurel.bench;
