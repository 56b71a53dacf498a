package app.laurel.notification;

import app.laurel.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a queued message says, and that a template nobody wrote is refused where it is queued. */
class TemplatesTest {

    @Test
    void aReceiptSaysTheReceiptNumberInTheAccountsLanguage() {
        Templates.Rendered zh = Templates.render("entryReceipt", Messages.CHINESE, "2026年征文", "我的家乡", "ZW-2026-0042");
        assertEquals("作品已收到：我的家乡", zh.subject());
        assertTrue(zh.body().contains("回执号 ZW-2026-0042"), zh.body());
        assertTrue(zh.sms().contains("ZW-2026-0042"), zh.sms());
        Templates.Rendered en = Templates.render("entryReceipt", Locale.ENGLISH, "Essays 2026", "Home", "ZW-2026-0042");
        assertEquals("Entry received: Home", en.subject());
        assertTrue(en.body().contains("Receipt number: ZW-2026-0042"), en.body());
    }

    @Test
    void anUnknownTemplateFailsWhenQueuedNotWhenSent() {
        Outbox outbox = new Outbox();
        IllegalArgumentException toAccount = assertThrows(IllegalArgumentException.class,
                () -> outbox.toAccount(1, "entryReciept", "entry:1", "x"));
        assertTrue(toAccount.getMessage().contains("notify.entryReciept.subject"), toAccount.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> outbox.toAddress("a@example.org", null, Locale.ENGLISH, "noSuchTemplate", "k"));
        assertThrows(IllegalArgumentException.class, () -> outbox.toAddress(null, "13800000000", Locale.ENGLISH, "../x", "k"));
    }

    @Test
    void aTemplateNeedsAKeyForIdempotency() {
        assertThrows(IllegalArgumentException.class, () -> new Outbox().toAddress("a@example.org", null, Locale.ENGLISH, "entryReceipt", " "));
    }

    /** Every notify.* pattern is a valid MessageFormat in both languages and leaves no placeholder unreplaced. */
    @Test
    void everyTemplateRendersInBothLanguages() {
        ResourceBundle zh = ResourceBundle.getBundle(Messages.BUNDLE, Messages.CHINESE, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        long templates = zh.keySet().stream().filter(k -> k.startsWith("notify.") && k.endsWith(".subject"))
                .map(k -> k.substring("notify.".length(), k.length() - ".subject".length()))
                .peek(template -> {
                    for (Locale locale : Messages.SUPPORTED) {
                        Templates.Rendered text = Templates.render(template, locale, "A", "B", "C", "D", "E", "F");
                        for (String part : new String[]{text.subject(), text.body(), text.sms()}) {
                            assertFalse(part.isBlank() || part.contains("{") || part.contains("notify."), template + ": " + part);
                        }
                    }
                }).count();
        assertTrue(templates >= 2, "found " + templates + " templates");
    }
}
