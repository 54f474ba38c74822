package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.service.BookingService;

/** Calendars: a salon's bookings for its owner, a master's own bookings. */
@Path("/api")
public class CalendarResource {

    private final BookingService bookings;
    private final Callers callers;

    public CalendarResource(BookingService bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    /** {@code days=1} for a day view, {@code days=7} for a week, starting at the local date {@code from}. */
    @GET
    @Path("/salons/{salonId}/bookings")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<List<BookingView>> salonBookings(@PathParam("salonId") UUID salonId,
                                                @QueryParam("from") String from,
                                                @QueryParam("days") @DefaultValue("1") int days) {
        return bookings.salonBookings(salonId, callers.current(), Params.date("from", from), days)
                .map(list -> list.stream().map(BookingView::of).toList());
    }

    @GET
    @Path("/masters/me/bookings")
    @RolesAllowed("MASTER")
    public Uni<List<BookingView>> myCalendar(@QueryParam("from") String fromParam,
                                             @QueryParam("to") String toParam) {
        OffsetDateTime from = Params.timestamp("from", fromParam);
        OffsetDateTime to = Params.timestamp("to", toParam);
        if (!to.isAfter(from) || to.toInstant().isAfter(from.toInstant().plus(java.time.Duration.ofDays(62)))) {
            throw ApiException.badRequest("invalid_date_range", "'to' must be after 'from', at most 62 days later.");
        }
        return bookings.masterCalendar(callers.current(), from.toInstant(), to.toInstant())
                .map(list -> list.stream().map(BookingView::of).toList());
    }
}
