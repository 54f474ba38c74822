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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.Review;
import uz.aurelle.marketplace.service.ReviewService;
import uz.aurelle.marketplace.service.ReviewService.ReviewData;

/** Reviews: clients write, edit and delete, salon owners reply; anyone reads visible ones. */
@Path("/api/reviews")
public class ReviewResource {

    private final ReviewService reviews;
    private final Callers callers;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService reviews, Callers callers, SecurityIdentity identity) {
        this.reviews = reviews;
        this.callers = callers;
        this.identity = identity;
    }

    public record ReviewView(UUID id, UUID bookingId, UUID salonId, UUID masterId, int rating, String text,
                             String ownerReply, boolean hidden, OffsetDateTime createdAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id, r.bookingId, r.salonId, r.masterId, r.rating, r.body, r.ownerReply, r.hidden,
                    r.createdAt.atOffset(ZoneOffset.UTC));
        }
    }

    public record ReplyRequest(String text) {
    }

    @POST
    @RolesAllowed("CLIENT")
    @RateLimited(policy = RateLimits.REVIEW, key = RateLimited.Key.USER)
    public Uni<RestResponse<ReviewView>> create(ReviewData data, UriInfo uri) {
        return reviews.create(callers.current(), data).map(r -> RestResponse.ResponseBuilder.<ReviewView>created(
                uri.getAbsolutePathBuilder().path(r.id.toString()).build()).entity(ReviewView.of(r)).build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<ReviewView> get(@PathParam("id") UUID id) {
        return reviews.view(id, identity.isAnonymous() ? null : callers.current()).map(ReviewView::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("CLIENT")
    public Uni<ReviewView> edit(@PathParam("id") UUID id, ReviewData data) {
        return reviews.edit(callers.current(), id, data).map(ReviewView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"CLIENT", "ADMIN"})
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return reviews.delete(callers.current(), id).replaceWith(RestResponse.noContent());
    }

    @POST
    @Path("/{id}/reply")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<ReviewView> reply(@PathParam("id") UUID id, ReplyRequest request) {
        return reviews.reply(callers.current(), id, request == null ? null : request.text()).map(ReviewView::of);
    }
}
