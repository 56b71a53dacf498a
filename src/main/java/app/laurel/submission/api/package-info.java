/** REST resources for entries; each calls the same SubmissionService method as its page. */
package app.laurel.submission.api;
