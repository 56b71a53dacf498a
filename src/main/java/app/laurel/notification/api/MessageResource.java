package app.laurel.notification.api;

import app.laurel.notification.InboxMessage;
import app.laurel.notification.MessagePreferences;
import app.laurel.notification.MessageService;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.api.Versioned;
import app.laurel.platform.error.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The caller's own in-app messages (what the bell counts) and how the caller wants to be notified. */
@Path("messages")
@RequestScoped
@Tag(name = "messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    /** One in-app message; {@code readAt} is null while unread. */
    public record MessageJson(long id, String template, String subject, String body, Instant createdAt, Instant readAt) {

        static MessageJson of(InboxMessage m) {
            return new MessageJson(m.getId(), m.getTemplate(), m.getSubject(), m.getBody(), m.getCreatedAt(), m.getReadAt());
        }
    }

    public record UnreadJson(long unread) {
    }

    /** The preferences and the addresses they apply to; {@code emailBouncedAt} is set when the mail server refused the address. */
    public record NotificationPreferencesJson(boolean mail, boolean sms, String language, String email, String phone,
                                              Instant emailBouncedAt, long version) implements Versioned {

        static NotificationPreferencesJson of(MessagePreferences p) {
            return new NotificationPreferencesJson(p.mail(), p.sms(), p.language(), p.email(), p.phone(), p.bouncedAt(), p.version());
        }
    }

    public record NotificationPreferencesInputJson(Boolean mail, Boolean sms, String language, Long version) {
    }

    @Inject
    private MessageService messages;

    @GET
    @Operation(summary = "The caller's messages, newest first (the latest " + MessageService.LIST_SIZE + ")")
    public List<MessageJson> list() {
        return messages.mine().stream().map(MessageJson::of).toList();
    }

    @POST
    @Path("{id: [0-9]+}/read")
    @Operation(summary = "Mark one of the caller's messages read; answers how many stay unread (404 for anyone else's)")
    public UnreadJson read(@PathParam("id") long id) {
        messages.markRead(id);
        return new UnreadJson(messages.unread());
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark all the caller's messages read; answers how many stay unread (0)")
    public UnreadJson readAll() {
        messages.markAllRead();
        return new UnreadJson(messages.unread());
    }

    @GET
    @Path("preferences")
    @Operation(summary = "How the caller is notified: mail on/off, SMS on/off, language (zh-CN or en)", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public NotificationPreferencesJson preferences() {
        return NotificationPreferencesJson.of(messages.preferences());
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change how the caller is notified: mail, sms (true/false) and language (zh-CN or en), all three required",
            description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public NotificationPreferencesJson change(@HeaderParam("If-Match") String ifMatch, NotificationPreferencesInputJson body) {
        NotificationPreferencesInputJson b = Params.body(body);
        if (b.mail() == null) {
            throw InvalidInputException.of("mail", "notify.prefs.required");
        }
        if (b.sms() == null) {
            throw InvalidInputException.of("sms", "notify.prefs.required");
        }
        return NotificationPreferencesJson.of(messages.change(b.mail(), b.sms(), b.language(), VersionTags.expected(ifMatch, b.version())));
    }
}
