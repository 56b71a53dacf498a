package app.laurel.notification.web;

import app.laurel.notification.InboxMessage;
import app.laurel.notification.MessagePreferences;
import app.laurel.notification.MessageService;
import app.laurel.platform.web.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /account/messages.xhtml}: my messages, newest first, marking them read, and how I want to be told. */
@Named
@RequestScoped
public class MessagesBacking {

    private static final String BACK = "/account/messages.xhtml?faces-redirect=true";

    @Inject
    private MessageService messages;

    private List<InboxMessage> list;
    private MessagePreferences preferences;
    private boolean mail;
    private boolean sms;
    private String language;
    private Long version;

    @PostConstruct
    void load() {
        preferences = messages.preferences();
        mail = preferences.mail();
        sms = preferences.sms();
        language = preferences.language();
        version = preferences.version();
    }

    public List<InboxMessage> getList() {
        if (list == null) {
            list = messages.mine();
        }
        return list;
    }

    public boolean isAnyUnread() {
        return getList().stream().anyMatch(InboxMessage::isUnread);
    }

    public String markRead(long id) {
        messages.markRead(id);
        return BACK;
    }

    public String markAllRead() {
        messages.markAllRead();
        return BACK;
    }

    public String save() {
        messages.change(mail, sms, language, version);
        FacesFeedback.flashInfo("notify.prefs.saved");
        return BACK;
    }

    public String mailWorksAgain() {
        messages.mailWorksAgain();
        FacesFeedback.flashInfo("notify.prefs.bounceCleared");
        return BACK;
    }

    public MessagePreferences getPreferences() {
        return preferences;
    }

    public boolean isMail() {
        return mail;
    }

    public void setMail(boolean mail) {
        this.mail = mail;
    }

    public boolean isSms() {
        return sms;
    }

    public void setSms(boolean sms) {
        this.sms = sms;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
