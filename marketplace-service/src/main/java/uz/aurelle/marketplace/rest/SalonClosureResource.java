package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.service.CatalogueService;
import uz.aurelle.marketplace.service.CatalogueService.ClosureData;

/** Whole-salon closures (holidays, renovation): no slots inside them. */
@Path("/api/salons/{salonId}/closures")
@RolesAllowed({"SALON_OWNER", "ADMIN"})
@RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
public class SalonClosureResource {

    private final CatalogueService catalogue;
    private final Callers callers;

    public SalonClosureResource(CatalogueService catalogue, Callers callers) {
        this.catalogue = catalogue;
        this.callers = callers;
    }

    @POST
    public Uni<RestResponse<Map<String, Object>>> add(@PathParam("salonId") UUID salonId, ClosureData data) {
        return catalogue.addClosure(callers.current(), salonId, data)
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, Map.<String, Object>of("id", c.id,
                        "startsAt", c.startsAt.toString(), "endsAt", c.endsAt.toString())));
    }

    @DELETE
    @Path("/{closureId}")
    public Uni<RestResponse<Void>> remove(@PathParam("salonId") UUID salonId, @PathParam("closureId") UUID closureId) {
        return catalogue.removeClosure(callers.current(), salonId, closureId).replaceWith(RestResponse.noContent());
    }
}
