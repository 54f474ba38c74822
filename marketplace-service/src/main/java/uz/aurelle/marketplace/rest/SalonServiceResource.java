package uz.aurelle.marketplace.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.rest.CatalogueViews.ServiceView;
import uz.aurelle.marketplace.service.CatalogueReadService;
import uz.aurelle.marketplace.service.CatalogueService;
import uz.aurelle.marketplace.service.CatalogueService.ServiceData;

@Path("/api/salons/{salonId}/services")
public class SalonServiceResource {

    private final CatalogueService catalogue;
    private final CatalogueReadService reads;
    private final Callers callers;
    private final SecurityIdentity identity;

    public SalonServiceResource(CatalogueService catalogue, CatalogueReadService reads, Callers callers,
                                SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.reads = reads;
        this.callers = callers;
        this.identity = identity;
    }

    @GET
    @PermitAll
    public Uni<List<ServiceView>> list(@PathParam("salonId") UUID salonId) {
        return catalogue.services(salonId, identity.isAnonymous() ? null : callers.current())
                .map(list -> list.stream().map(ServiceView::of).toList());
    }

    /** Visible like the list: active salons publicly, others to their owner and admins. */
    @GET
    @Path("/{serviceId}")
    @PermitAll
    public Uni<ServiceView> get(@PathParam("salonId") UUID salonId, @PathParam("serviceId") UUID serviceId) {
        return reads.service(salonId, serviceId, identity.isAnonymous() ? null : callers.current())
                .map(ServiceView::of);
    }

    @POST
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<ServiceView>> create(@PathParam("salonId") UUID salonId, ServiceData data, UriInfo uri) {
        return catalogue.createService(callers.current(), salonId, data)
                .map(s -> RestResponse.ResponseBuilder.<ServiceView>created(
                        uri.getAbsolutePathBuilder().path(s.id.toString()).build()).entity(ServiceView.of(s)).build());
    }

    @PUT
    @Path("/{serviceId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<ServiceView> update(@PathParam("salonId") UUID salonId, @PathParam("serviceId") UUID serviceId,
                                   ServiceData data) {
        return catalogue.updateService(callers.current(), salonId, serviceId, data).map(ServiceView::of);
    }

    @DELETE
    @Path("/{serviceId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> delete(@PathParam("salonId") UUID salonId, @PathParam("serviceId") UUID serviceId) {
        return catalogue.deleteService(callers.current(), salonId, serviceId).replaceWith(RestResponse.noContent());
    }
}
