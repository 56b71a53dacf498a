package app.laurel.notification.web;

import app.laurel.notification.MessageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bell in the header: the unread count, asked once per page (one indexed COUNT, only for a logged-in person;
 * the layout does not render the bell otherwise). Not cached in the session: a count that lags behind a message
 * the person was just told about by SMS would look broken, and the count is cheaper than keeping it right.
 */
@Named("bell")
@RequestScoped
public class BellBacking {

    private static final Logger LOG = Logger.getLogger(BellBacking.class.getName());

    @Inject
    private MessageService messages;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            try {
                unread = messages.unread();
            } catch (RuntimeException e) {
                // The bell is not worth an error page (the database away, an error page rendered in the layout).
                LOG.log(Level.FINE, "no unread count", e);
                unread = 0L;
            }
        }
        return unread;
    }

    /** The badge's text: a phone's header has room for two digits. */
    public String getBadge() {
        return getUnread() > 99 ? "99+" : String.valueOf(getUnread());
    }
}
