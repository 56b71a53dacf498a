/** Backing beans of the public contest pages (home page, a contest's page). */
package app.laurel.contest.web;
