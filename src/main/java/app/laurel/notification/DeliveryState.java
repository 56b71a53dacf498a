package app.laurel.notification;

/** Where a queued mail or SMS stands: waiting (possibly to be retried), delivered, or given up for good. */
public enum DeliveryState {
    PENDING, SENT, FAILED
}
