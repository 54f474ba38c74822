package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.rest.CatalogueViews.ClosureView;
import uz.aurelle.marketplace.service.CatalogueReadService;
import uz.aurelle.marketplace.service.CatalogueService;
import uz.aurelle.marketplace.service.CatalogueService.ClosureData;

/** Whole-salon closures (holidays, renovation): no slots inside them. Owners' (and admins') only. */
@Path("/api/salons/{salonId}/closures")
@RolesAllowed({"SALON_OWNER", "ADMIN"})
public class SalonClosureResource {

    private final CatalogueService catalogue;
    private final CatalogueReadService reads;
    private final Callers callers;

    public SalonClosureResource(CatalogueService catalogue, CatalogueReadService reads, Callers callers) {
        this.catalogue = catalogue;
        this.reads = reads;
        this.callers = callers;
    }

    @GET
    public Uni<List<ClosureView>> list(@PathParam("salonId") UUID salonId) {
        return reads.closures(callers.current(), salonId).map(list -> list.stream().map(ClosureView::of).toList());
    }

    @GET
    @Path("/{closureId}")
    public Uni<ClosureView> get(@PathParam("salonId") UUID salonId, @PathParam("closureId") UUID closureId) {
        return reads.closure(callers.current(), salonId, closureId).map(ClosureView::of);
    }

    @POST
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<ClosureView>> add(@PathParam("salonId") UUID salonId, ClosureData data, UriInfo uri) {
        return catalogue.addClosure(callers.current(), salonId, data)
                .map(c -> RestResponse.ResponseBuilder.<ClosureView>created(
                        uri.getAbsolutePathBuilder().path(c.id.toString()).build()).entity(ClosureView.of(c)).build());
    }

    @DELETE
    @Path("/{closureId}")
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> remove(@PathParam("salonId") UUID salonId, @PathParam("closureId") UUID closureId) {
        return catalogue.removeClosure(callers.current(), salonId, closureId).replaceWith(RestResponse.noContent());
    }
}
