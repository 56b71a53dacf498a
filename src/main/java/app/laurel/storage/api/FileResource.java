package app.laurel.storage.api;

import app.laurel.storage.MediaResponses;
import app.laurel.storage.MediaService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** A stored file's bytes for those allowed to read it, with HTTP Range support (206 Partial Content). */
@Path("files")
@RequestScoped
@Tag(name = "files")
@SecurityRequirement(name = "bearer")
public class FileResource {

    @Inject
    private MediaService media;

    @Context
    private HttpServletResponse response;

    @GET
    @Path("{id}/content")
    @Operation(summary = "The file's bytes; send Range: bytes=start-end to get part of it")
    public void content(@PathParam("id") long id, @HeaderParam("Range") String range) throws IOException {
        MediaResponses.send(media.open(id), range, response);
    }
}
