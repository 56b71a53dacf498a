package app.laurel.identity;

/**
 * Who is trying to log in, as far as the server can tell: the client's address and, if the browser or script
 * kept it, the device cookie set at an earlier successful login ({@code device} is null otherwise).
 */
public record LoginClient(String address, String device) {

    public LoginClient {
        address = address == null ? "" : address;
        if (device != null && !device.matches("[A-Za-z0-9_-]{20,100}")) {
            device = null;
        }
    }
}
