package app.laurel.storage.api;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.UploadService;
import app.laurel.storage.UploadStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;

/**
 * Resumable uploads, in the manner of the tus protocol: {@code POST} declares name and length, {@code PATCH}
 * sends bytes at {@code Upload-Offset}, {@code HEAD} or {@code GET} tells how many bytes the server has. The
 * {@code PATCH} that completes the file answers with the stored file (type found by Tika, SHA-256). {@code DELETE}
 * gives up an unfinished upload, so that it no longer counts against the caller's limits.
 */
@Path("uploads")
@RequestScoped
@Tag(name = "uploads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    public record NewUploadJson(String fileName, Long length) {
    }

    public record UploadJson(String id, long offset, long length, StoredFileJson file) {
        static UploadJson of(UploadStatus status) {
            return new UploadJson(status.id(), status.offset(), status.length(),
                    status.isComplete() ? StoredFileJson.of(status.file()) : null);
        }
    }

    @Inject
    private UploadService uploads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare an upload: file name and length in bytes")
    public Response begin(NewUploadJson body) {
        if (body == null || body.length() == null) {
            throw InvalidInputException.of("length", "validation.required");
        }
        UploadStatus status = uploads.begin(body.fileName(), body.length());
        return Response.created(URI.create("uploads/" + status.id())).entity(UploadJson.of(status)).build();
    }

    @HEAD
    @Path("{id}")
    @Operation(summary = "How many bytes the server has (Upload-Offset) of how many (Upload-Length)")
    public Response head(@PathParam("id") String id) {
        UploadStatus status = uploads.status(id);
        return Response.ok().header("Upload-Offset", status.offset()).header("Upload-Length", status.length())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where an upload stands")
    public UploadJson get(@PathParam("id") String id) {
        return UploadJson.of(uploads.status(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/offset+octet-stream", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Send bytes starting at Upload-Offset; 409 with the server's offset if it differs")
    public Response append(@PathParam("id") String id, @HeaderParam("Upload-Offset") Long offset, InputStream body) {
        if (offset == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "upload.offsetMissing");
        }
        UploadStatus status = uploads.append(id, offset, body);
        return Response.ok(UploadJson.of(status)).header("Upload-Offset", status.offset()).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Give up an unfinished upload: its bytes are deleted and it no longer counts against the limits")
    public Response cancel(@PathParam("id") String id) {
        uploads.cancel(id);
        return Response.noContent().build();
    }
}
