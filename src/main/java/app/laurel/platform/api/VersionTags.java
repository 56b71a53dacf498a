package app.laurel.platform.api;

import app.laurel.platform.error.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions over HTTP: every successful answer that shows a {@link Versioned} aggregate carries its version as a
 * strong {@code ETag} ({@code "7"}), and {@link #expected} reads what a writing client based its change on.
 */
@Provider
public class VersionTags implements ContainerResponseFilter {

    /** Marks an operation (with value "true") whose answer is tagged or whose write is checked; see {@link #document}. */
    public static final String CHECKED = "x-laurel-versioned";
    public static final String READ = "The ETag of the answer is the version shown; send it back in If-Match (or as "
            + "version in the body) when changing it.";
    public static final String WRITE = "Send the version the change is based on in If-Match (the ETag of a GET) or as "
            + "version in the body. If someone saved since, nothing is saved and the answer is 409 with currentVersion, "
            + "changedBy, changedAt and the fields that differ from what is stored. Without either, the write is not checked.";

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && response.getStatus() / 100 == 2
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag(versioned.version()));
        }
    }

    /**
     * Writes the versioning into the OpenAPI document for the operations marked {@link #CHECKED}: the ETag header
     * on a successful read or write, the optional If-Match header and the 409 answer on a write.
     */
    public static void document(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openApi.getPaths().getPathItems().values()) {
            item.getOperations().forEach((method, operation) -> {
                if (operation.getExtensions() == null || !operation.getExtensions().containsKey(CHECKED)) {
                    return;
                }
                operation.removeExtension(CHECKED);
                Header etag = OASFactory.createHeader().description("The version shown, e.g. \"3\"")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2") || status.equals("default")) { // Payara files the success under "default"
                        response.addHeader(HttpHeaders.ETAG, etag);
                    }
                });
                if (method == PathItem.HttpMethod.GET) {
                    return;
                }
                boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
                if (!declared) {
                    operation.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
                }
                operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).forEach(p -> p
                        .required(false).description("The ETag the change is based on, e.g. \"3\"")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
                operation.getResponses().addAPIResponse("409", OASFactory.createAPIResponse()
                        .description("Someone saved since the version sent; nothing was saved")
                        .addHeader(HttpHeaders.ETAG, etag)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(conflictSchema()))));
            });
        }
    }

    private static Schema conflictSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema field = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("error", text).addProperty("message", text)
                .addProperty("fields", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(field))
                .addProperty("currentVersion", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64"))
                .addProperty("changedBy", text)
                .addProperty("changedAt", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time"))
                .required(List.of("error", "message"));
    }

    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write is based on: from {@code If-Match} (an ETag this API sent) or the body's {@code version};
     * null when the client sent neither (or {@code If-Match: *}), and the write is then not checked. Two that
     * disagree, or a tag this API never sends, are refused: guessing would let a stale write through.
     */
    public static Long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return bodyVersion;
        }
        Matcher tag = TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw InvalidInputException.of("If-Match", "api.ifMatch.invalid");
        }
        long fromHeader = Long.parseLong(tag.group(1));
        if (bodyVersion != null && bodyVersion != fromHeader) {
            throw InvalidInputException.of("version", "api.ifMatch.disagrees");
        }
        return fromHeader;
    }
}
