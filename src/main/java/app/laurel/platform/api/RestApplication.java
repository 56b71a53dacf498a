package app.laurel.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Described at {@code /openapi}. Authenticate with {@code POST /api/v1/tokens}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Laurel 桂冠征评 API", version = "1",
        description = "Contests, entries, judging and publication. Errors are JSON: {\"error\": code, \"message\": text}; "
                + "send Accept-Language: en for English messages. What can be edited carries its version (version, and the "
                + "ETag of its GET): send it back in If-Match or as version when changing it; if someone saved since, the "
                + "answer is 409 with currentVersion, changedBy, changedAt and the fields that differ, and nothing is saved."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {

    /** Jersey would make a relative Location absolute with the request's Host; {@link LocationWithoutHost} does it. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
