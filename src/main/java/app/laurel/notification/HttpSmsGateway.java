package app.laurel.notification;

import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * An SMS gateway reached over HTTP: one POST per message to {@code laurel.sms.url}, the body made from
 * {@code laurel.sms.body} with {@code {phone}} and {@code {text}} replaced, escaped for JSON or for a form as the
 * content type says, with HTTP basic authentication when a user is set. Chinese gateways differ in their field names
 * and signing; this covers those that take a plain POST, and one with signing is another {@link SmsSender}.
 * A 2xx answer is a sent message; a 4xx (except 408 and 429) is the gateway refusing the number or the text, which
 * will not change by retrying; anything else is tried again later.
 */
public class HttpSmsGateway implements SmsSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI url;
    private final String bodyTemplate;
    private final String contentType;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpSmsGateway(String url, String bodyTemplate, String contentType, String user, String password) {
        this.url = URI.create(url);
        this.bodyTemplate = bodyTemplate;
        this.contentType = contentType;
        this.authorization = user == null || user.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(String phone, String text) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body(phone, text), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailure("SMS gateway unreachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending an SMS", false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean refused = status / 100 == 4 && status != 408 && status != 429;
            String answer = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            throw new DeliveryFailure("SMS gateway answered " + status + ": " + answer, refused, null);
        }
    }

    String body(String phone, String text) {
        return bodyTemplate.replace("{phone}", escape(phone)).replace("{text}", escape(text));
    }

    private String escape(String value) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("json")) {
            return json(value);
        }
        if (type.contains("x-www-form-urlencoded")) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        return value;
    }

    /** A JSON string's content: the quoted literal jakarta.json writes, without its quotes. */
    private static String json(String value) {
        String literal = Json.createValue(value).toString();
        return literal.substring(1, literal.length() - 1);
    }
}
