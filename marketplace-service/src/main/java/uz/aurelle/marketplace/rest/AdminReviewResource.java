package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import uz.aurelle.marketplace.rest.ReviewResource.ReviewView;
import uz.aurelle.marketplace.service.ReviewService;

/** Review moderation: hidden reviews leave the salon page and the rating aggregates. */
@Path("/api/admin/reviews")
@RolesAllowed("ADMIN")
public class AdminReviewResource {

    private final ReviewService reviews;

    public AdminReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @POST
    @Path("/{id}/hide")
    public Uni<ReviewView> hide(@PathParam("id") UUID id) {
        return reviews.setHidden(id, true).map(ReviewView::of);
    }

    @POST
    @Path("/{id}/restore")
    public Uni<ReviewView> restore(@PathParam("id") UUID id) {
        return reviews.setHidden(id, false).map(ReviewView::of);
    }
}
