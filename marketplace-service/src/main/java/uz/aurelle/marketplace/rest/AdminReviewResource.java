package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.rest.ReviewResource.ReviewView;
import uz.aurelle.marketplace.service.ReviewService;

/**
 * Review moderation: hidden reviews leave the salon page and the rating aggregates; restore brings a
 * hidden or deleted review back; deleted ones can be listed.
 */
@Path("/api/admin/reviews")
@RolesAllowed("ADMIN")
public class AdminReviewResource {

    private final ReviewService reviews;
    private final Callers callers;

    public AdminReviewResource(ReviewService reviews, Callers callers) {
        this.reviews = reviews;
        this.callers = callers;
    }

    @GET
    public Uni<PageResponse<ReviewView>> list(@QueryParam("hidden") String hidden,
                                             @QueryParam("salonId") String salonId,
                                             @QueryParam("page") @DefaultValue("0") String page,
                                             @QueryParam("size") @DefaultValue("20") String size) {
        return reviews.moderationList(bool("hidden", hidden), uuid("salonId", salonId), Params.page(page),
                Params.size(size)).map(p -> p.map(ReviewView::of));
    }

    @GET
    @Path("/deleted")
    public Uni<PageResponse<ReviewView>> deleted(@QueryParam("page") @DefaultValue("0") String page,
                                                @QueryParam("size") @DefaultValue("20") String size) {
        return reviews.deleted(Params.page(page), Params.size(size)).map(p -> p.map(ReviewView::of));
    }

    @POST
    @Path("/{id}/hide")
    public Uni<ReviewView> hide(@PathParam("id") UUID id) {
        return reviews.hide(callers.current(), id).map(ReviewView::of);
    }

    @POST
    @Path("/{id}/restore")
    public Uni<ReviewView> restore(@PathParam("id") UUID id) {
        return reviews.restore(callers.current(), id).map(ReviewView::of);
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be true or false.", name)
                    .with("parameter", name);
        }
        return Boolean.valueOf(value);
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be a UUID.", name)
                    .with("parameter", name);
        }
    }
}
