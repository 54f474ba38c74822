package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.rest.ReviewResource.ReviewView;
import uz.aurelle.marketplace.service.ReviewService;

/** The visible reviews of an active salon, newest first. */
@Path("/api/salons/{salonId}/reviews")
public class SalonReviewResource {

    private final ReviewService reviews;

    public SalonReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    public Uni<PageResponse<ReviewView>> list(@PathParam("salonId") UUID salonId,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ApiException.badRequest("invalid_parameter", "page >= 0 and size 1..100.").with("parameter", "size");
        }
        return reviews.forSalon(salonId, page, size).map(p -> p.map(ReviewView::of));
    }
}
