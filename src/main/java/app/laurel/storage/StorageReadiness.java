package app.laurel.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a file can be written to the storage directory. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    private FileStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("storage").status(store.isWritable()).build();
    }
}
