package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.service.BookingService;

/** A salon's bookings by day or week, for its owner (or an admin). */
@Path("/api/salons/{salonId}/bookings")
public class CalendarResource {

    private final BookingService bookings;
    private final Callers callers;

    public CalendarResource(BookingService bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    /** {@code days=1} for a day view, {@code days=7} for a week, starting at the local date {@code from}. */
    @GET
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<List<BookingView>> salonBookings(@PathParam("salonId") UUID salonId,
                                                @QueryParam("from") String from,
                                                @QueryParam("days") @DefaultValue("1") String days) {
        return bookings.salonBookings(salonId, callers.current(), Params.date("from", from),
                        Params.integer("days", days, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .map(list -> list.stream().map(BookingView::of).toList());
    }
}
