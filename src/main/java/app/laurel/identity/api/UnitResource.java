package app.laurel.identity.api;

import app.laurel.identity.AccountService;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitSearch;
import app.laurel.identity.UnitType;
import app.laurel.platform.api.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Units (单位) by name and type, so that a client can find the id that enrolment and filters ask for. */
@Path("units")
@RequestScoped
@Tag(name = "units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    public record UnitItemJson(long id, String name, String type, boolean sample) {
        static UnitItemJson of(Unit u) {
            return new UnitItemJson(u.getId(), u.getName(), u.getUnitType().name(), u.isSample());
        }
    }

    public record UnitPageJson(int page, int size, long total, List<UnitItemJson> items) {
    }

    @Inject
    private AccountService accounts;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Units whose name contains q (any case), of one type if given; ?page=1&size=50 (at most 200), "
            + "ordered by type and name, with the total (organisers and administrators)")
    public UnitPageJson search(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        UnitSearch search = UnitSearch.of(q, Params.choice(UnitType.class, type, "type", false), page, size);
        UnitSearch.Result found = accounts.searchUnits(search);
        return new UnitPageJson(search.page(), search.size(), found.total(), found.units().stream().map(UnitItemJson::of).toList());
    }
}
