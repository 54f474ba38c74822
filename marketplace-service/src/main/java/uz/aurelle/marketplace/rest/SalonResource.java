package uz.aurelle.marketplace.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.service.OpeningHoursService;
import uz.aurelle.marketplace.service.SearchService;
import uz.aurelle.marketplace.service.SalonManagementService;
import uz.aurelle.marketplace.service.SalonManagementService.SalonData;

/** Salon profiles: public reading of active salons, owners' management of their own. */
@Path("/api/salons")
public class SalonResource {

    private final SalonManagementService salons;
    private final SearchService search;
    private final OpeningHoursService openingHours;
    private final Callers callers;
    private final SecurityIdentity identity;

    public SalonResource(SalonManagementService salons, SearchService search, OpeningHoursService openingHours,
                         Callers callers, SecurityIdentity identity) {
        this.salons = salons;
        this.search = search;
        this.openingHours = openingHours;
        this.callers = callers;
        this.identity = identity;
    }

    /** Public search; radius and every filter apply before paging. */
    @GET
    @PermitAll
    @RateLimited(policy = RateLimits.SEARCH)
    public Uni<PageResponse<SearchService.Card>> search(@BeanParam SearchParams params) {
        return search.search(params.toQuery());
    }

    @GET
    @Path("/map")
    @PermitAll
    @RateLimited(policy = RateLimits.SEARCH)
    public Uni<List<SearchService.MapPin>> map(@BeanParam SearchParams params) {
        return search.map(params.toQuery());
    }

    @POST
    @RolesAllowed("SALON_OWNER")
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<SalonView>> create(SalonData data, UriInfo uri) {
        return salons.create(callers.current(), data)
                .map(s -> RestResponse.ResponseBuilder.<SalonView>created(
                        uri.getAbsolutePathBuilder().path(s.id.toString()).build()).entity(SalonView.of(s)).build());
    }

    @GET
    @Path("/mine")
    @RolesAllowed("SALON_OWNER")
    public Uni<List<SalonView>> mine() {
        return salons.mine(callers.current()).map(list -> list.stream().map(SalonView::of).toList());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<SalonView> get(@PathParam("id") UUID id) {
        return openingHours.detail(id, identity.isAnonymous() ? null : callers.current()).map(SalonView::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<SalonView> update(@PathParam("id") UUID id, SalonData data) {
        return salons.update(callers.current(), id, data).map(SalonView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return salons.delete(callers.current(), id).replaceWith(RestResponse.noContent());
    }
}
