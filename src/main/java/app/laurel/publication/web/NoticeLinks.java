package app.laurel.publication.web;

import app.laurel.contest.Contest;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import app.laurel.publication.NoticeLink;
import app.laurel.publication.NoticePhase;
import app.laurel.publication.NoticeService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The public notice (公示) of the contests a page lists, and its short link as printed: the home page's cards and
 * the contest page link the notice with its one status ({@link NoticePhase}). The notices of all listed contests
 * are read once per request, in one query, whatever the number of cards.
 */
@Named
@RequestScoped
public class NoticeLinks {

    @Inject
    private NoticeService notices;

    @Inject
    private LaurelConfig config;

    @Inject
    private Clock clock;

    private Map<Long, NoticeLink> links;
    private Instant now;

    /** The public notice of {@code contest}, or null; the first call reads those of every contest in {@code listed}. */
    public NoticeLink of(Contest contest, List<Contest> listed) {
        if (links == null) {
            links = notices.publicLinks(listed.stream().map(Contest::getId).toList());
        }
        return links.get(contest.getId());
    }

    public NoticeLink of(Contest contest) {
        return contest == null ? null : of(contest, List.of(contest));
    }

    /** One instant per request, so that two badges on one page cannot disagree. */
    public NoticePhase phase(NoticeLink link) {
        if (now == null) {
            now = clock.instant();
        }
        return link.phaseAt(now);
    }

    /** The address a phone opens, relative to this site. */
    public String path(String shortCode) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/n/" + shortCode;
    }

    /** The full address printed on paper: the configured public address, else the one this request came in on. */
    public String printed(String shortCode) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return PublicUrl.of(request, config) + "/n/" + shortCode;
    }
}
