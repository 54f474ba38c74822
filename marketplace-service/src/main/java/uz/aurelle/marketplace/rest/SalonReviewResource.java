package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
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
                                             @QueryParam("page") @DefaultValue("0") String page,
                                             @QueryParam("size") @DefaultValue("20") String size) {
        return reviews.forSalon(salonId, Params.page(page), Params.size(size)).map(p -> p.map(ReviewView::of));
    }
}
