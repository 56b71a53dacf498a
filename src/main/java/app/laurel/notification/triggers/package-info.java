/**
 * What makes Laurel write to people (issue 14): observers of the features' events (screening decisions, a round
 * opened, a notice published, objections, certificates, a campaign report returned), each turning one event into
 * {@link app.laurel.notification.Outbox} calls inside the action's own transaction, and the deadline reminders,
 * a scheduled sweep. Dependencies point one way: this package knows the features, no feature knows it.
 */
package app.laurel.notification.triggers;
