package app.laurel.platform.health;

import app.laurel.platform.cluster.Membership;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A node outside the serving cluster takes no traffic: everything but its health answers 503 with Retry-After, so
 * that a load balancer that only watches answers (nginx's open-source edition has no active health checks) marks it
 * down and sends the request to another node (see {@code proxy_next_upstream http_503} in docs/deployment.md).
 * Serving would be worse than refusing: its sessions are backed up nowhere and it would lead timers of its own.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OutsideClusterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private Membership membership;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (membership.outside() && !request.getRequestURI().startsWith(request.getContextPath() + "/health")) {
            response.setHeader("Retry-After", "10");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}
