package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.service.FavoriteService;

/** PUT adds (idempotent), DELETE removes, GET lists or checks one salon. */
@Path("/api/favorites")
@RolesAllowed("CLIENT")
public class FavoriteResource {

    private final FavoriteService favorites;
    private final Callers callers;

    public FavoriteResource(FavoriteService favorites, Callers callers) {
        this.favorites = favorites;
        this.callers = callers;
    }

    @GET
    public Uni<PageResponse<FavoriteService.Favorite>> list(@QueryParam("page") @DefaultValue("0") String page,
                                                           @QueryParam("size") @DefaultValue("20") String size) {
        return favorites.list(callers.current(), Params.page(page), Params.size(size));
    }

    @GET
    @Path("/{salonId}")
    public Uni<Map<String, Object>> check(@PathParam("salonId") UUID salonId) {
        return favorites.contains(callers.current(), salonId)
                .map(yes -> Map.<String, Object>of("salonId", salonId, "favorite", yes));
    }

    @PUT
    @Path("/{salonId}")
    public Uni<RestResponse<Void>> add(@PathParam("salonId") UUID salonId) {
        return favorites.add(callers.current(), salonId).replaceWith(RestResponse.noContent());
    }

    @DELETE
    @Path("/{salonId}")
    public Uni<RestResponse<Void>> remove(@PathParam("salonId") UUID salonId) {
        return favorites.remove(callers.current(), salonId).replaceWith(RestResponse.noContent());
    }
}
