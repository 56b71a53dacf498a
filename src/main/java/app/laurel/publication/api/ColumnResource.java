package app.laurel.publication.api;

import app.laurel.platform.api.Params;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.web.PublicResponseFilter;
import app.laurel.publication.ColumnCandidate;
import app.laurel.publication.ColumnItem;
import app.laurel.publication.ColumnPage;
import app.laurel.publication.ColumnService;
import app.laurel.publication.ColumnStory;
import app.laurel.publication.web.ColumnUrlFilter;
import app.laurel.submission.Entry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The public column (专栏): anyone reads a contest's column page by page and one story at a time (no token);
 * organisers publish, take down and list the entries they may publish. One root for all of it, since JAX-RS
 * does not fall back between root resources whose paths overlap.
 */
@Path("column")
@RequestScoped
@Tag(name = "column")
@Produces(MediaType.APPLICATION_JSON)
public class ColumnResource {

    /**
     * A story as the public reads it. {@code author} is the name, or "匿名" (Anonymous) in the caller's language
     * when the organiser published it without; {@code bodyHtml} is given for one story, not in the list.
     * Addresses include the context path: {@code url} is the story's page, the others its pictures and videos.
     */
    public record StoryJson(long id, String contest, String type, String title, String excerpt, String bodyHtml,
                            boolean anonymous, String author, String unit, Long categoryId, String category,
                            long viewCount, Instant publishedAt, String url, String thumbnail, String poster,
                            List<String> images, List<String> videos) {
    }

    public record PageJson(String contest, int page, int pageSize, long total, int pages, List<StoryJson> items) {
    }

    public record PublishJson(Long entryId, Boolean showAuthor) {
    }

    /** A published item as its organiser sees it. */
    public record ItemJson(long id, long entryId, boolean showAuthor, Instant publishedAt, String publishedBy,
                           long viewCount, String url) {
    }

    public record CandidateJson(long entryId, String receiptNo, String title, String category, String status,
                                String authorName, boolean published, ItemJson item) {
    }

    @Inject
    private ColumnService column;

    @Context
    private HttpServletRequest request;

    @GET
    @Path("{contest}")
    @Operation(summary = "One page (12 stories, newest first) of a contest's public column; ?category=ID&page=N. No token needed", description = PublicResponseFilter.DESCRIBED)
    public PageJson page(@PathParam("contest") String contest, @QueryParam("category") Long category,
                         @QueryParam("page") Integer page, @HeaderParam("Accept-Language") String language) {
        ColumnPage found = column.page(contest, category, page == null ? 1 : page);
        Locale locale = Messages.fromAcceptLanguage(language);
        return new PageJson(contest, found.pageNo(), found.pageSize(), found.total(), found.pageCount(),
                found.items().stream().map(s -> json(s, locale, false)).toList());
    }

    @GET
    @Path("{contest}/items/{id}")
    @Operation(summary = "One story of the column, with its text; counts as a view (added to viewCount within seconds). No token needed", description = PublicResponseFilter.DESCRIBED)
    public StoryJson item(@PathParam("contest") String contest, @PathParam("id") long id,
                          @HeaderParam("Accept-Language") String language) {
        return json(column.peek(contest, id), Messages.fromAcceptLanguage(language), true);
    }

    @POST
    @Path("{contest}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish an entry in the column (organisers): {\"entryId\": 57, \"showAuthor\": false}")
    public Response publish(@PathParam("contest") String contest, PublishJson body) {
        if (Params.body(body).entryId() == null) {
            throw InvalidInputException.of("entryId", "validation.required");
        }
        ColumnItem item = column.publish(contest, body.entryId(), Boolean.TRUE.equals(body.showAuthor()));
        return Response.created(URI.create("column/" + contest + "/items/" + item.getId())).entity(json(item)).build();
    }

    @DELETE
    @Path("{contest}/items/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Take a story down from the column (organisers)")
    public Response unpublish(@PathParam("contest") String contest, @PathParam("id") long id) {
        column.unpublish(contest, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{contest}/candidates")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Entries that may be published (accepted or winners, with the author's consent), and whether they are (organisers)")
    public List<CandidateJson> candidates(@PathParam("contest") String contest) {
        return column.candidates(contest).stream().map(this::json).toList();
    }

    private StoryJson json(ColumnStory s, Locale locale, boolean withText) {
        return new StoryJson(s.id(), s.contestCode(), s.entryType(), s.title(), s.excerpt(), withText ? s.bodyHtml() : null,
                s.anonymous(), s.anonymous() ? Messages.text(locale, "column.anonymous") : s.authorName(), s.unitName(),
                s.categoryId(), s.categoryName(), s.viewCount(), s.publishedAt(),
                request.getContextPath() + ColumnUrlFilter.path(s.contestCode(), s.id()), media(s, s.thumbnailId()),
                media(s, s.posterId()), s.imageIds().stream().map(f -> media(s, f)).toList(),
                s.videoIds().stream().map(f -> media(s, f)).toList());
    }

    private String media(ColumnStory s, Long fileId) {
        return fileId == null ? null : request.getContextPath() + "/column-media/" + s.id() + "/" + fileId;
    }

    private ItemJson json(ColumnItem item) {
        return new ItemJson(item.getId(), item.getEntry().getId(), item.isShowAuthor(), item.getPublishedAt(),
                item.getPublishedBy(), item.getViewCount(),
                request.getContextPath() + ColumnUrlFilter.path(item.getContest().getCode(), item.getId()));
    }

    private CandidateJson json(ColumnCandidate c) {
        Entry e = c.entry();
        return new CandidateJson(e.getId(), e.getReceiptNo(), e.getTitle(), e.getCategory() == null ? null : e.getCategory().getName(),
                e.getStatus().name(), c.authorName(), c.published(), c.published() ? json(c.item()) : null);
    }
}
