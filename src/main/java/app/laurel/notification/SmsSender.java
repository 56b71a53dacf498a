package app.laurel.notification;

/** Sends one SMS. Implementations: {@link HttpSmsGateway} (production) and {@link LoggingSmsSender} (development). */
public interface SmsSender {

    void send(String phone, String text) throws DeliveryFailure;
}
