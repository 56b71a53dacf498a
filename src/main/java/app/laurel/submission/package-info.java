/**
 * Entries (作品): drafts, submission with a receipt number, the lifecycle DRAFT → SUBMITTED → ACCEPTED / RETURNED /
 * REJECTED (or WITHDRAWN by the owner), and the rules a submission must meet. {@link SubmissionService} is the
 * only way in; pages and the API call the same methods.
 */
package app.laurel.submission;
