package app.laurel.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The one place that reads MicroProfile Config. Every key has a default that makes the embedded run work;
 * production overrides them with environment variables (MicroProfile maps {@code laurel.storage.dir} to
 * {@code LAUREL_STORAGE_DIR}). Entities never read configuration: services pass values in.
 */
@ApplicationScoped
public class LaurelConfig {

    /** The keys, with their defaults. The data source keys are read by {@code @DataSourceDefinition} itself. */
    public enum Key {
        DB_URL("db.url", "jdbc:mysql://localhost:3306/laurel?characterEncoding=UTF-8&connectionTimeZone=UTC&preserveInstants=false"),
        DB_USER("db.user", "laurel"),
        DB_PASSWORD("db.password", "laurel"),
        STORAGE_DIR("laurel.storage.dir", "data/files"),
        STORAGE_RESERVE_MB("laurel.storage.reserve-mb", "2048"),
        UPLOADS_MAX_OPEN("laurel.uploads.max-open", "20"),
        UPLOADS_MAX_STORED_MB("laurel.uploads.max-stored-mb", "20480"),
        UPLOADS_UNIT_MAX_STORED_MB("laurel.uploads.unit-max-stored-mb", "102400"),
        UPLOADS_KEEP_UNFINISHED("laurel.uploads.keep-unfinished", "P7D"),
        UPLOADS_KEEP_UNATTACHED("laurel.uploads.keep-unattached", "P2D"),
        UPLOADS_SWEEP_EVERY("laurel.uploads.sweep-every", "PT1H"),
        MAX_IMAGE_PIXELS("laurel.upload.max-image-pixels", "100000000"),
        UPLOAD_CHECK_TIME("laurel.upload.check-time", "PT60S"),
        /** How often the background check of files stored before uploads were checked takes its next batch. */
        FILES_CHECK_EVERY("laurel.files.check-every", "PT1M"),
        DEMO_ENABLED("laurel.demo.enabled", "false"),
        PASSWORD_ITERATIONS("laurel.password.iterations", "210000"),
        TOKEN_TTL("laurel.api.token-ttl", "P30D"),
        PUBLIC_URL("laurel.public-url", ""),
        OBJECTIONS_PER_PHONE("laurel.objections.per-phone", "3"),
        OBJECTIONS_PER_IP_HOUR("laurel.objections.per-ip-hour", "10"),
        TRUSTED_PROXIES("laurel.trusted-proxies", "127.0.0.1,::1,0:0:0:0:0:0:0:1"),
        /** Notifications (issue 14): the SMTP server; no host means mail is only written to the log (development). */
        MAIL_HOST("laurel.mail.host", ""),
        MAIL_PORT("laurel.mail.port", "25"),
        MAIL_FROM("laurel.mail.from", "laurel@localhost"),
        MAIL_USER("laurel.mail.user", ""),
        MAIL_PASSWORD("laurel.mail.password", ""),
        /** {@code starttls} (upgrade on port 587), {@code ssl} (implicit TLS, port 465) or {@code none}. */
        MAIL_TLS("laurel.mail.tls", "none"),
        /** The SMS gateway's HTTP endpoint; none means SMS are only written to the log (development). */
        SMS_URL("laurel.sms.url", ""),
        SMS_USER("laurel.sms.user", ""),
        SMS_PASSWORD("laurel.sms.password", ""),
        /** The request body, with {phone} and {text} replaced (escaped for JSON or a form as the content type says). */
        SMS_BODY("laurel.sms.body", "{\"phone\":\"{phone}\",\"text\":\"{text}\"}"),
        SMS_CONTENT_TYPE("laurel.sms.content-type", "application/json; charset=UTF-8"),
        NOTIFY_DISPATCH_EVERY("laurel.notify.dispatch-every", "PT5S"),
        NOTIFY_RETRY_FIRST("laurel.notify.retry-first", "PT30S"),
        NOTIFY_RETRY_CAP("laurel.notify.retry-cap", "PT1H"),
        NOTIFY_MAX_ATTEMPTS("laurel.notify.max-attempts", "30"),
        NOTIFY_CLAIM("laurel.notify.claim", "PT5M"),
        /** How often the deadline reminders (judging, unit quotas, campaign tasks) look for what is due. */
        NOTIFY_REMINDER_SWEEP_EVERY("laurel.notify.reminder-sweep-every", "PT1H"),
        /** How many days before a deadline its reminders go out, comma-separated: one message at each. */
        NOTIFY_REMINDER_DAYS("laurel.notify.reminder-days", "3,1"),
        /** How often a node writes its heartbeat to the database and checks that it is inside the serving cluster. */
        CLUSTER_HEARTBEAT_EVERY("laurel.cluster.heartbeat-every", "PT2S"),
        /** A heartbeat older than this is a node gone; keep it shorter than a node's boot (see Heartbeats). */
        CLUSTER_HEARTBEAT_LOST_AFTER("laurel.cluster.heartbeat-lost-after", "PT10S"),
        /** Tests only: log the SQL statements each request sent (see StatementCountFilter). */
        TEST_STATEMENT_COUNTER("laurel.test.statement-counter", "false"),
        /** Tests only: a file holding how far the server's clock runs ahead (see SettableClock); empty: the real clock. */
        CLOCK_OFFSET_FILE("laurel.clock.offset-file", "");

        public final String name;
        public final String defaultValue;

        Key(String name, String defaultValue) {
            this.name = name;
            this.defaultValue = defaultValue;
        }
    }

    private final Config config = ConfigProvider.getConfig();

    public String get(Key key) {
        return config.getOptionalValue(key.name, String.class).orElse(key.defaultValue);
    }

    /** A whole number setting (counts, megabytes). */
    public long number(Key key) {
        return Long.parseLong(get(key).strip());
    }

    /** An ISO-8601 duration setting such as {@code P7D} or {@code PT1H}. */
    public Duration duration(Key key) {
        return Duration.parse(get(key).strip());
    }

    public Path storageDir() {
        return Path.of(get(Key.STORAGE_DIR)).toAbsolutePath();
    }

    /**
     * The largest photo accepted, in pixels as its header declares them (width × height): larger ones are refused
     * before anything decodes them, since a few kilobytes can declare gigabytes of pixels.
     */
    public long maxImagePixels() {
        return Long.parseLong(get(Key.MAX_IMAGE_PIXELS));
    }

    /** How long reading and checking one uploaded file may take before it is refused as too complex. */
    public Duration uploadCheckTime() {
        return Duration.parse(get(Key.UPLOAD_CHECK_TIME));
    }

    public boolean demoEnabled() {
        return Boolean.parseBoolean(get(Key.DEMO_ENABLED));
    }

    public int passwordIterations() {
        return Integer.parseInt(get(Key.PASSWORD_ITERATIONS));
    }

    /**
     * The portal's public address for links printed on paper (QR codes on notices and certificates), e.g.
     * {@code https://laurel.example.gov.cn}; empty means "the address the request came in on".
     */
    public java.util.Optional<String> publicUrl() {
        String url = get(Key.PUBLIC_URL).strip();
        return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(url.replaceAll("/+$", ""));
    }

    /** Objections one phone number may file against one notice, and one address in an hour (spam, not dissent). */
    public int objectionsPerPhone() {
        return Integer.parseInt(get(Key.OBJECTIONS_PER_PHONE));
    }

    /** Direct peers whose X-Forwarded-For is believed (the TLS proxy in front), comma-separated. */
    public java.util.List<String> trustedProxies() {
        return java.util.Arrays.stream(get(Key.TRUSTED_PROXIES).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public int objectionsPerIpHour() {
        return Integer.parseInt(get(Key.OBJECTIONS_PER_IP_HOUR));
    }

    /** Tests only, off in production: whether each request's count of SQL statements is logged. */
    public boolean statementCounter() {
        return Boolean.parseBoolean(get(Key.TEST_STATEMENT_COUNTER));
    }

    /** Tests only, never set in production: the file that moves the server's clock forward. */
    public java.util.Optional<Path> clockOffsetFile() {
        String file = get(Key.CLOCK_OFFSET_FILE).strip();
        return file.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(file));
    }

    public Duration tokenTtl() {
        return Duration.parse(get(Key.TOKEN_TTL));
    }
}
