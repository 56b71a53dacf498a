/**
 * Entries (作品): drafts, submission with a receipt number, the lifecycle DRAFT → SUBMITTED → ACCEPTED / RETURNED /
 * REJECTED (or WITHDRAWN by the owner), and the rules a submission must meet. {@link SubmissionService} is the
 * only way in; pages and the API call the same methods. {@link ExportService} takes a contest's entries, quota status
 * and files out as streamed Excel and ZIP, for organisers only.
 */
package app.laurel.submission;
