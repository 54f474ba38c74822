package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.service.BookingService;

/** A master's own calendar: only bookings with the master records linked to their account. */
@Path("/api/masters/me/bookings")
public class MasterCalendarResource {

    private final BookingService bookings;
    private final Callers callers;

    public MasterCalendarResource(BookingService bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    @GET
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
