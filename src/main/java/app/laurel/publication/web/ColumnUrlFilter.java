package app.laurel.publication.web;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column's clean addresses, the ones printed in a notice or shared on WeChat: {@code /column/HY2021} (the
 * list, with {@code ?category=ID&page=N}) and {@code /column/HY2021/57} (one story). They are forwarded to the
 * pages {@code /column/index.xhtml?contest=…} and {@code /column/story.xhtml?contest=…&id=…}; the visitor's
 * address stays clean, and a form on those pages posts back to it ({@link CleanUrlViewHandler}). Anything else
 * under {@code /column/} goes on unchanged (the pages themselves, or a 404).
 */
@WebFilter(urlPatterns = "/column/*")
public class ColumnUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** A contest code as contests are set up (HY2021), then an optional item id. */
    private static final Pattern CLEAN = Pattern.compile("/column/([A-Za-z][A-Za-z0-9]{1,19})(?:/(\\d{1,18}))?/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher clean = CLEAN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!clean.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String target = clean.group(2) == null
                ? "/column/index.xhtml?contest=" + clean.group(1)
                : "/column/story.xhtml?contest=" + clean.group(1) + "&id=" + clean.group(2);
        request.getRequestDispatcher(target).forward(request, response);
    }

    /** The clean address of the list, or of one story when {@code itemId} is given; without the context path. */
    public static String path(String contestCode, Long itemId) {
        return "/column/" + contestCode + (itemId == null ? "" : "/" + itemId);
    }
}
