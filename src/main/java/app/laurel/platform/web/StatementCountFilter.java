package app.laurel.platform.web;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.persistence.StatementCounter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Tests only: with {@code laurel.test.statement-counter=true} (off by default, set by the integration tests'
 * server) every request logs how many SQL statements it sent, so that a test can hold a page's cost to a
 * constant as the contest grows. Nothing is added to the response and no endpoint reveals the count. A request's
 * statements all run on its own thread: pages and REST resources call the services synchronously.
 */
@WebFilter(urlPatterns = "/*")
public class StatementCountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StatementCountFilter.class.getName());

    @Inject
    private LaurelConfig config;

    private boolean counting;

    @Override
    public void init() {
        counting = config.statementCounter();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!counting) {
            chain.doFilter(request, response);
            return;
        }
        long before = StatementCounter.onThisThread();
        try {
            chain.doFilter(request, response);
        } finally {
            long sent = StatementCounter.onThisThread() - before;
            LOG.info(() -> "SQL statements: " + sent + " for " + request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        }
    }
}
