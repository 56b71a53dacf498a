/**
 * Notifications (issue 14): messages to people by mail, SMS and the in-app list behind the bell. Features queue a
 * message through {@link app.laurel.notification.Outbox} inside their own transaction; a dispatcher delivers the
 * queued mail and SMS later, claiming each row so that no two nodes send it, and retrying with back-off while a
 * gateway is down. Texts are bundle templates {@code notify.<template>.subject/body/sms}.
 */
package app.laurel.notification;
