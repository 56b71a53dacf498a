package app.laurel.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in SMS gateway in the test JVM: the portal POSTs {@code {"phone":…,"text":…}} here (its default body) and
 * the tests read what arrived. {@link #answer} makes it refuse, as a gateway that is down or refuses a number would.
 */
public final class SmsGateway implements AutoCloseable {

    /** One SMS as the gateway received it. */
    public record Sms(String phone, String text) {
    }

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    SmsGateway(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int answer = status;
                if (answer / 100 == 2) {
                    JsonObject json = Json.createReader(new StringReader(body)).readObject();
                    received.add(new Sms(json.getString("phone"), json.getString("text")));
                }
                exchange.sendResponseHeaders(answer, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** Every SMS accepted so far, in order of arrival. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    /** The SMS accepted for one number. */
    public List<Sms> to(String phone) {
        return received.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    /** The HTTP status the gateway answers from now on (200 accepts; 503 is a gateway that is down). */
    public void answer(int status) {
        this.status = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
