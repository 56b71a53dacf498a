package app.laurel.publication.api;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import app.laurel.publication.BatchProgress;
import app.laurel.publication.CertificateBatches;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * All of a contest's valid certificates as one ZIP, for organisers: start a batch, follow its progress, download
 * it. The same background job as the organiser's certificates page.
 */
@Path("certificates/batches")
@RequestScoped
@Tag(name = "certificates")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateBatchResource {

    private static final String JOB = "{job: [0-9a-f]{32}}";

    /** {@code zip} is where the ZIP can be fetched once {@code ready}. */
    public record BatchJson(String id, int done, int total, int percent, boolean ready, boolean failed, String zip) {
        static BatchJson of(String id, BatchProgress.State s) {
            return new BatchJson(id, s.done(), s.total(), s.percent(), s.ready(), s.failed(),
                    "certificates/batches/" + id + "/zip");
        }
    }

    @Inject
    private CertificateBatches batches;

    @Inject
    private LaurelConfig config;

    @Context
    private HttpServletRequest request;

    @POST
    @Operation(summary = "Start packing the contest's valid certificates into a ZIP; 202 with the batch's address in Location")
    public Response start(@QueryParam("contest") String contest) {
        String base = PublicUrl.of(request, config);
        String job = batches.start(contest, base);
        batches.run(job, contest, base);
        return Response.accepted(BatchJson.of(job, batches.progress(job))).location(URI.create("certificates/batches/" + job)).build();
    }

    @GET
    @Path(JOB)
    @Operation(summary = "A batch's progress: done of total, and whether the ZIP is ready or the batch failed")
    public BatchJson progress(@PathParam("job") String job) {
        return BatchJson.of(job, batches.progress(job));
    }

    @GET
    @Path(JOB + "/zip")
    @Produces("application/zip")
    @Operation(summary = "The finished ZIP, one PDF per certificate; 409 while the batch is still running")
    public Response zip(@PathParam("job") String job) {
        java.nio.file.Path zip = batches.zip(job);
        return Response.ok(zip.toFile()).header("Content-Disposition", "attachment; filename=\"certificates.zip\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
