package app.laurel.notification;

/**
 * A mail or SMS that did not go out. Permanent when the receiving side refused the address itself (SMTP 5xx for the
 * recipient, an SMS gateway's 4xx): trying again would only be refused again. Anything else (no connection, a
 * timeout, 4xx from SMTP, 5xx from a gateway) is tried again later.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
