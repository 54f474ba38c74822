package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.idempotency.Idempotent;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.service.BookingService;
import uz.aurelle.marketplace.service.BookingService.PlaceBooking;

@Path("/api/bookings")
public class BookingResource {

    private final BookingService bookings;
    private final Callers callers;

    public BookingResource(BookingService bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    public record CreateBookingRequest(UUID serviceId, UUID masterId, OffsetDateTime startsAt,
                                       @Size(max = 500) String comment, @Size(max = 64) String promoCode) {

        public CreateBookingRequest(UUID serviceId, UUID masterId, OffsetDateTime startsAt, String comment) {
            this(serviceId, masterId, startsAt, comment, null);
        }
    }

    public record ReasonRequest(@Size(max = 500) String reason) {
    }

    public record RescheduleRequest(OffsetDateTime startsAt, UUID masterId) {
    }

    public record HistoryEntry(String from, String to, String actor, String actorRole, String reason,
                               OffsetDateTime at) {
    }

    /**
     * A retried request with the same Idempotency-Key gets the first answer back, not a second booking.
     * A request carrying a promo code also counts against the promo policy ({@link PromoAttemptLimit}).
     */
    @POST
    @Idempotent(required = false)
    @RolesAllowed("CLIENT")
    @RateLimited(policy = RateLimits.BOOKING, key = RateLimited.Key.USER)
    @PromoCodeAttempt
    public Uni<RestResponse<BookingView>> create(@Valid CreateBookingRequest request, UriInfo uri) {
        Params.require("body", request);
        return bookings.create(callers.current(), new PlaceBooking(Params.require("serviceId", request.serviceId()),
                        request.masterId(), Params.require("startsAt", request.startsAt()), request.comment(),
                        request.promoCode()))
                .map(b -> RestResponse.ResponseBuilder.<BookingView>created(uri.getAbsolutePathBuilder().path(b.id.toString())
                        .build()).entity(BookingView.of(b)).build());
    }

    @GET
    @Path("/mine")
    @RolesAllowed("CLIENT")
    public Uni<PageResponse<BookingView>> mine(@QueryParam("page") @DefaultValue("0") String page,
                                               @QueryParam("size") @DefaultValue("20") String size) {
        return bookings.clientBookings(callers.current(), Params.page(page), Params.size(size)).map(p -> p.map(BookingView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"CLIENT", "MASTER", "SALON_OWNER", "ADMIN"})
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return bookings.view(id, callers.current()).map(bs -> BookingView.of(bs.booking()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"CLIENT", "MASTER", "SALON_OWNER", "ADMIN"})
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return bookings.history(id, callers.current()).map(list -> list.stream()
                .map(h -> new HistoryEntry(h.fromStatus == null ? null : h.fromStatus.name(), h.toStatus.name(),
                        h.actor, h.actorRole, h.reason, h.createdAt.atOffset(ZoneOffset.UTC)))
                .toList());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"CLIENT", "SALON_OWNER", "ADMIN"})
    public Uni<BookingView> cancel(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        return bookings.cancel(id, callers.current(), request == null ? null : request.reason())
                .map(BookingView::of);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({"MASTER", "SALON_OWNER", "ADMIN"})
    public Uni<BookingView> complete(@PathParam("id") UUID id) {
        return bookings.complete(id, callers.current()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({"MASTER", "SALON_OWNER", "ADMIN"})
    public Uni<BookingView> noShow(@PathParam("id") UUID id) {
        return bookings.noShow(id, callers.current()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/reschedule")
    @Idempotent(required = false)
    @RolesAllowed("CLIENT")
    @RateLimited(policy = RateLimits.BOOKING, key = RateLimited.Key.USER)
    public Uni<RestResponse<BookingView>> reschedule(@PathParam("id") UUID id,
                                                     @Valid RescheduleRequest request, UriInfo uri) {
        Params.require("body", request);
        return bookings.reschedule(id, callers.current(), Params.require("startsAt", request.startsAt()),
                        request.masterId())
                .map(b -> RestResponse.ResponseBuilder.<BookingView>created(uri.getBaseUriBuilder().path("api/bookings")
                        .path(b.id.toString()).build()).entity(BookingView.of(b)).build());
    }
}
