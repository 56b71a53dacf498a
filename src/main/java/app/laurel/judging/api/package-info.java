/** REST resources for rounds (organisers) and scoring (judges). */
package app.laurel.judging.api;
