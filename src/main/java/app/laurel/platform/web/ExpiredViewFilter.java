package app.laurel.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Answers the "页面已过期" page, with 400, for a full-page post whose page state is unknown: one that Faces found
 * stale ({@link ExpiredViews} marks it), and one that no page of ours can have sent, which carries a page state
 * but not the CSP nonce PrimeFaces adds to every form it renders (PrimeFaces would otherwise fail it with a stack
 * trace). The page is shown by forwarding the request as a plain GET, so that Faces builds it afresh.
 */
public class ExpiredViewFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String STATE = "jakarta.faces.ViewState";
    private static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getParameter(STATE) != null && request.getParameter(NONCE) == null) {
            ExpiredViews.log(request);
            showExpired(request, response);
            return;
        }
        chain.doFilter(request, response);
        if (request.getAttribute(ExpiredViews.MARK) != null && !response.isCommitted()) {
            request.removeAttribute(ExpiredViews.MARK);
            showExpired(request, response);
        }
    }

    private static void showExpired(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        request.getRequestDispatcher(ExpiredViews.PAGE).forward(new PlainGet(request), response);
    }

    /** The request as a GET without parameters: not a postback, so nothing of the old page is restored. */
    private static final class PlainGet extends HttpServletRequestWrapper {

        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
