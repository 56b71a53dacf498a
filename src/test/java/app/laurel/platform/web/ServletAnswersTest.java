package app.laurel.platform.web;

import app.laurel.platform.error.LaurelException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The file servlets answer 404 only for "not found" and 403 for "not allowed": a bug is 500 and a lost database 503,
 * where three of them used to answer every failure with a silent 404 (issue 12).
 */
class ServletAnswersTest {

    /** The status and headers a servlet sent; the request knows only its address. */
    private final Map<String, Object> sent = new HashMap<>();
    private final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) ->
                    method.getName().equals("getRequestURI") ? "/laurel/media/7" : null);
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "sendError" -> sent.put("status", args[0]);
                    case "setHeader" -> sent.put((String) args[0], args[1]);
                    case "isCommitted" -> {
                        return false;
                    }
                    default -> {
                    }
                }
                return null;
            });

    @Test
    void aMissingFileIs404AndAForbiddenOne403() throws Exception {
        assertEquals(404, statusFor(LaurelException.notFound("file.notFound")));
        assertEquals(403, statusFor(LaurelException.forbidden("api.forbidden")));
        assertEquals(403, statusFor(new EJBAccessException("not in role")));
    }

    @Test
    void aBugIs500NotASilent404() throws Exception {
        assertEquals(500, statusFor(new EJBException(new IllegalStateException("a bug"))));
        assertEquals(500, statusFor(new NullPointerException()));
    }

    @Test
    void aLostDatabaseIs503WithRetryAfter() throws Exception {
        assertEquals(503, statusFor(new EJBException("query failed",
                new RuntimeException(new SQLNonTransientConnectionException("Connection refused")))));
        assertEquals("30", sent.get("Retry-After"));
    }

    private int statusFor(RuntimeException thrown) throws Exception {
        sent.clear();
        ServletAnswers.answer(request, response, () -> {
            throw thrown;
        });
        return (Integer) sent.get("status");
    }
}
