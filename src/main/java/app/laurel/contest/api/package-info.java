/** The public contest API; calls the same ContestService methods as the pages. */
package app.laurel.contest.api;
