package app.laurel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A small client for the REST API as an outside caller sees it: status, headers and JSON body. */
final class Api {

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            return (JsonObject) Json.createReader(new StringReader(body)).read();
        }

        JsonStructure structure() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Map<String, String> headers;

    Api(TestServer server) {
        this(server.baseUrl(), java.util.Map.of());
    }

    /** A client of another portal than the shared test server (a restored copy, one of a test's own). */
    Api(String base) {
        this(base, java.util.Map.of());
    }

    /** The portal's address this client speaks to. */
    String base() {
        return base;
    }

    private Api(String base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /**
     * The same client as seen from another address: the test server trusts its local proxy's
     * {@code X-Forwarded-For}, so limits per address (logins, objections) can be tested one address per test.
     */
    Api from(String address) {
        return with("X-Forwarded-For", address);
    }

    /** The same client sending a header with every request (a cookie, say). */
    Api with(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, java.util.Map.copyOf(more));
    }

    Reply get(String path, String token, String language) throws IOException, InterruptedException {
        return send(request(path, token, language).GET().build());
    }

    Reply post(String path, String json, String token, String language) throws IOException, InterruptedException {
        return send(request(path, token, language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    /** A POST whose body is not JSON (a CSV import, say), sent with its own content type. */
    Reply postBytes(String path, String contentType, byte[] body, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply put(String path, String json, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    /** A write based on a version: {@code ifMatch} is the ETag the caller read (sent as is), or null for none. */
    Reply put(String path, String json, String token, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token, null).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.PUT(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    Reply patch(String path, long offset, HttpRequest.BodyPublisher body, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", String.valueOf(offset)).method("PATCH", body).build());
    }

    Reply head(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Uploads a whole file in one piece and returns the reply of the completing PATCH. */
    Reply upload(Path file, String name, String token) throws IOException, InterruptedException {
        Reply begun = post("/api/v1/uploads", "{\"fileName\":\"" + name + "\",\"length\":" + Files.size(file) + "}", token, null);
        if (begun.status() != 201) {
            throw new AssertionError("upload refused at start: " + begun.status() + " " + begun.body());
        }
        return patch("/api/v1/uploads/" + begun.json().getString("id"), 0, HttpRequest.BodyPublishers.ofFile(file), token);
    }

    /** A multipart/form-data POST as a browser form or {@code curl -F} sends it: text fields, then files under {@code fileField}. */
    Reply multipart(String path, java.util.Map<String, String> fields, String fileField, List<Path> files, String token)
            throws IOException, InterruptedException {
        String boundary = "laurel" + UUID.randomUUID().toString().replace("-", "");
        List<byte[]> parts = new java.util.ArrayList<>();
        for (var field : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(file));
            parts.add("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path, token, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
    }

    Reply delete(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).DELETE().build());
    }

    /** Registers a citizen with a unique username and returns that username. */
    String registerCitizen(String password) throws IOException, InterruptedException {
        String username = uniqueName("cit");
        Reply reply = post("/api/v1/registrations", """
                {"username":"%s","displayName":"测试群众","phone":"13812345678","password":"%s"}"""
                .formatted(username, password), null, null);
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply.status() + " " + reply.body());
        }
        return username;
    }

    String token(String username, String password) throws IOException, InterruptedException {
        Reply reply = post("/api/v1/tokens", """
                {"username":"%s","password":"%s"}""".formatted(username, password), null, null);
        if (reply.status() != 201) {
            throw new AssertionError("token request failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("token");
    }

    /** The body of a GET as bytes (downloads); fails unless the status is 200. */
    byte[] bytes(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(path, token, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private HttpRequest.Builder request(String path, String token, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, null);
    }

    /**
     * Every call is also held against the served OpenAPI document ({@link ApiContract}): a JSON body that does not
     * match what {@code /openapi} says fails the test that made the call.
     */
    private Reply send(HttpRequest request, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String path = request.uri().getPath().substring(URI.create(base).getPath().length());
        if (path.startsWith("/api/")) {
            boolean jsonAnswer = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            List<String> violations = contract().violations(request.method(), path, json, response.statusCode(),
                    jsonAnswer ? response.body() : null);
            if (!violations.isEmpty()) {
                throw new AssertionError("The API does not do what /openapi says:\n" + String.join("\n", violations));
            }
        }
        return new Reply(response.statusCode(), response.body(), response);
    }

    ApiContract contract() {
        return ApiContract.of(base, () -> {
            IOException failed = null;
            for (int attempt = 0; attempt < 3; attempt++) { // the first request builds the document, on a busy machine slowly
                try {
                    HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi"))
                            .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (served.statusCode() == 200) {
                        return served.body();
                    }
                } catch (IOException e) {
                    failed = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("could not read /openapi", failed);
        });
    }
}
