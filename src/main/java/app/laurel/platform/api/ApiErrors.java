package app.laurel.platform.api;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.i18n.Messages;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The API's error body, the same everywhere: {@code {"error": "not_found", "message": "…", "fields": [...]}}.
 * The message is in the language of {@code Accept-Language} (Chinese unless English is asked for).
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static JsonObject body(Locale locale, String code, String messageKey, Object[] args, List<FieldError> fields) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("error", code)
                .add("message", Messages.text(locale, messageKey, args));
        if (fields != null && !fields.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (FieldError field : fields) {
                array.add(Json.createObjectBuilder()
                        .add("field", field.field())
                        .add("message", Messages.text(locale, field.messageKey(), field.args())));
            }
            body.add("fields", array);
        }
        return body.build();
    }

    /** For the authentication mechanism, which answers before JAX-RS is reached. */
    public static void write(HttpServletResponse response, HttpServletRequest request, int status, String code,
                             String messageKey) throws IOException {
        Locale locale = Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(body(locale, code, messageKey, null, null).toString());
        response.flushBuffer();
    }
}
