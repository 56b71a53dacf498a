package app.laurel.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are worth another attempt, and what an SMS gateway is sent. */
class SendersTest {

    @Test
    void aRecipientTheMailServerRefusedIsPermanentAnythingElseIsRetried() throws Exception {
        Address[] refused = {new InternetAddress("nobody@example.org")};
        SendFailedException rcpt = new SendFailedException("Invalid Addresses", new MessagingException("550 5.1.1 User unknown"),
                new Address[0], new Address[0], refused);
        DeliveryFailure bounce = SmtpMailer.classify(rcpt);
        assertTrue(bounce.isPermanent());
        assertTrue(bounce.getMessage().contains("550 5.1.1"), bounce.getMessage());

        SendFailedException busy = new SendFailedException("451 try later", null, new Address[0], refused, new Address[0]);
        assertFalse(SmtpMailer.classify(busy).isPermanent(), "4xx: valid but unsent");
        assertFalse(SmtpMailer.classify(new MessagingException("Could not connect to SMTP host")).isPermanent());
        assertTrue(SmtpMailer.classify(new AddressException("Missing final '@domain'")).isPermanent());
    }

    @Test
    void theSmsBodyEscapesTheTextForJsonAndForAForm() {
        HttpSmsGateway json = new HttpSmsGateway("http://localhost:1/sms", "{\"to\":\"{phone}\",\"msg\":\"{text}\"}",
                "application/json; charset=UTF-8", "", "");
        assertEquals("{\"to\":\"13800000000\",\"msg\":\"作品《\\\"家\\\"》\\n已收到\"}", json.body("13800000000", "作品《\"家\"》\n已收到"));
        HttpSmsGateway form = new HttpSmsGateway("http://localhost:1/sms", "mobile={phone}&content={text}",
                "application/x-www-form-urlencoded", "", "");
        assertEquals("mobile=13800000000&content=a%26b%3Dc+%E5%AE%B6", form.body("13800000000", "a&b=c 家"));
    }

    @Test
    void theLogShowsOnlyPartOfANumber() {
        assertEquals("138****0000", LoggingSmsSender.masked("13812340000"));
    }
}
