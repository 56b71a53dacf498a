package app.laurel.platform.api;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * JAX-RS makes every {@code Location} absolute with the scheme and host of the request, so a client that sends
 * {@code Host: evil.example} is told its new contest lives on evil.example (and so is any cache in between). The
 * header keeps the path and query only, after the configured public address when there is one; a relative
 * reference is what RFC 9110 allows and every client resolves.
 */
@Provider
public class LocationWithoutHost implements ContainerResponseFilter {

    @Inject
    private LaurelConfig config;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        // Resources answer "contests/HY2021", relative to the API's root; only its path is taken from the request.
        URI uri = request.getUriInfo().getBaseUri().resolve(URI.create(location.toString()));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        response.getHeaders().putSingle(HttpHeaders.LOCATION, PublicUrl.origin(config) + path);
    }
}
