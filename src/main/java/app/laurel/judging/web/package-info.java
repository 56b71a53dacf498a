/** Backing beans of the judge's pages: the scorecard list and scoring one entry. */
package app.laurel.judging.web;
