package app.laurel.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's nginx as the cluster's load balancer, run as a child process by whoever runs the launcher: its own prefix
 * directory holds the config, the pid, the logs and the temp files, so it needs neither root nor the system's
 * {@code /etc/nginx}. A browser that has a session ({@code JSESSIONID}) stays on one node; anonymous requests are
 * spread over all of them; the resumable uploader's bodies are streamed to the node, not spooled first.
 */
public final class NginxProcess implements AutoCloseable {

    private static final Pattern UPSTREAM = Pattern.compile("upstream=(\\S+(?:, \\S+)*)");

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxProcess(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** Starts nginx on 127.0.0.1:{@code port} in front of the nodes listening on {@code nodePorts}. */
    public static NginxProcess start(Path prefix, int port, List<Integer> nodePorts) throws IOException {
        Path binary = Path.of(System.getenv().getOrDefault("LAUREL_NGINX", "/usr/sbin/nginx"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("nginx not found at " + binary + ": install Debian's package"
                    + " (apt-get install nginx) or set LAUREL_NGINX to its binary");
        }
        for (String dir : List.of("logs", "tmp")) {
            Files.createDirectories(prefix.resolve(dir));
        }
        Files.writeString(prefix.resolve("nginx.conf"), config(port, nodePorts, "root".equals(System.getProperty("user.name"))));
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toAbsolutePath() + "/", "-c", "nginx.conf",
                "-e", "logs/error.log")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("logs/console.log").toFile()))
                .start();
        return new NginxProcess(process, prefix, port);
    }

    /**
     * The configuration. {@code hash $affinity consistent}: the session cookie keeps a logged-in person on one
     * node (the JSF view and the flash live there first), and a node that fails moves only its own sessions;
     * without a cookie the request id spreads requests. POSTs are not retried on another node once sent (nginx's
     * default since 1.9.13): a score must not be saved twice; a refused connection (a dead node) is retried.
     * Idle connections to the nodes are kept 20 s, less than Payara keeps them (30 s): with nginx's default of 60 s,
     * two of 300 uploads in a surge got a 502 when nginx reused a connection the node closed at that moment.
     */
    static String config(int port, List<Integer> nodePorts, boolean asRoot) {
        String servers = nodePorts.stream()
                .map(node -> "        server 127.0.0.1:" + node + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        String proxy = """
                    proxy_pass http://laurel;  proxy_http_version 1.1;  proxy_set_header Connection "";
                    proxy_set_header Host $http_host;  proxy_set_header X-Real-IP $remote_addr;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;  proxy_set_header X-Forwarded-Host $http_host;
                    proxy_next_upstream error timeout http_502 http_503;  proxy_next_upstream_tries 2;
                    proxy_connect_timeout 2s;
        """;
        // Without root the "user" directive only earns a warning; as root, workers would otherwise run as nobody,
        // who may not write the temp directories under the checkout.
        return (asRoot ? "user root;\n" : "") + """
                daemon off;
                worker_processes 1;
                pid logs/nginx.pid;
                lock_file logs/nginx.lock;
                error_log logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    default_type application/octet-stream;
                    log_format laurel '$remote_addr [$time_local] "$request" $status $body_bytes_sent $request_time upstream=$upstream_addr';
                    access_log logs/access.log laurel;
                    client_body_temp_path tmp/body;  proxy_temp_path tmp/proxy;
                    fastcgi_temp_path tmp/fastcgi;   uwsgi_temp_path tmp/uwsgi;  scgi_temp_path tmp/scgi;
                    map $cookie_JSESSIONID $laurel_affinity { "" $request_id; default $cookie_JSESSIONID; }
                    upstream laurel {
                        hash $laurel_affinity consistent;
                %s
                        keepalive 16;
                        # below Payara's own 30 s: else nginx may send a request on a connection Payara is closing (502)
                        keepalive_timeout 20s;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        # page forms with files: web.xml allows 64 MB a request
                        client_max_body_size 80m;
                        location / {
                %s            proxy_read_timeout 120s;
                        }
                        # the resumable uploader: each piece streamed straight to a node, of any size
                        location /api/v1/uploads {
                %s            proxy_request_buffering off;  client_max_body_size 0;
                            proxy_read_timeout 300s;  proxy_send_timeout 300s;
                        }
                    }
                }
                """.formatted(servers, port, proxy, proxy);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until nginx accepts connections on its port. */
    public void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with code " + process.exitValue() + " (see "
                        + prefix.resolve("logs") + ")");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout.toSeconds() + " s");
    }

    /**
     * The port of the node that answered the last logged request whose line contains {@code marker} (a path with a
     * query of the caller's own): which node holds a browser's session, read from outside as an operator would.
     */
    public OptionalInt nodeThatServed(String marker) throws IOException {
        List<String> lines = Files.readAllLines(prefix.resolve("logs/access.log"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher upstream = UPSTREAM.matcher(lines.get(i));
            if (lines.get(i).contains(marker) && upstream.find()) {
                String[] tried = upstream.group(1).split(", ");
                String last = tried[tried.length - 1];
                return OptionalInt.of(Integer.parseInt(last.substring(last.lastIndexOf(':') + 1)));
            }
        }
        return OptionalInt.empty();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM: nginx's fast shutdown. */
    @Override
    public void close() {
        PayaraProcess.stop(process, 10);
    }
}
