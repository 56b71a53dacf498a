package app.laurel.notification;

/** How a queued message travels. The in-app copy is not a channel: it is stored, not sent. */
public enum Channel {
    MAIL, SMS
}
