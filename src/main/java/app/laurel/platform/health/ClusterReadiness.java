package app.laurel.platform.health;

import app.laurel.platform.cluster.Cluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the cluster this node sees: how many members and whether this node leads the once-only work. A node alone
 * is ready (it may be the survivor of two, or the only one): only a grid that stopped running makes it not ready,
 * since it then can neither hear the others' changes nor know whether it leads.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    @Inject
    private Cluster cluster;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cluster").status(cluster.running())
                .withData("grid", cluster.connected())
                .withData("members", cluster.members())
                .withData("leads", cluster.leads())
                .build();
    }
}
