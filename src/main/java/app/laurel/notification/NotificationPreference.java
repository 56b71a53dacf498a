package app.laurel.notification;

import app.laurel.platform.i18n.Messages;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Locale;

/**
 * How one account wants to be told: by mail, by SMS, and in which language. The in-app message cannot be switched
 * off (it is the record of what Laurel told the person). An account without a row has the defaults.
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {

    /** The two languages messages are written in, as stored. */
    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "mail_enabled", nullable = false)
    private boolean mailEnabled = true;

    @Column(name = "sms_enabled", nullable = false)
    private boolean smsEnabled = true;

    @Column(nullable = false, length = 8)
    private String language = CHINESE;

    @Version
    private long version;

    protected NotificationPreference() {
    }

    /** The defaults, for an account that never chose. */
    public NotificationPreference(long accountId) {
        this.accountId = accountId;
    }

    public void change(boolean mail, boolean sms, String language) {
        if (!CHINESE.equals(language) && !ENGLISH.equals(language)) {
            throw new IllegalArgumentException("unsupported language: " + language);
        }
        this.mailEnabled = mail;
        this.smsEnabled = sms;
        this.language = language;
    }

    public Locale locale() {
        return Messages.supported(Locale.forLanguageTag(language));
    }

    public Long getAccountId() {
        return accountId;
    }

    public boolean isMailEnabled() {
        return mailEnabled;
    }

    public boolean isSmsEnabled() {
        return smsEnabled;
    }

    public String getLanguage() {
        return language;
    }

    public long getVersion() {
        return version;
    }
}
