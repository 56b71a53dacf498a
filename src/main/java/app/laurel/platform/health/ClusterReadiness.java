package app.laurel.platform.health;

import app.laurel.platform.cluster.Cluster;
import app.laurel.platform.cluster.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the cluster this node sees: how many members and whether this node leads the once-only work. A node alone
 * is ready when it is the survivor of two, or the only one; it is not ready when its grid stopped running (it can then
 * neither hear the others' changes nor know whether it leads) or when the nodes' heartbeats show a stronger side of
 * the cluster alive without it ({@link Membership}: it could not join them).
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    @Inject
    private Cluster cluster;

    @Inject
    private Membership membership;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("cluster")
                .status(cluster.running() && !membership.outside())
                .withData("grid", cluster.connected())
                .withData("members", cluster.members())
                .withData("leads", cluster.leads());
        membership.rival().ifPresent(rival -> answer.withData("outsideOf", rival));
        return answer.build();
    }
}
