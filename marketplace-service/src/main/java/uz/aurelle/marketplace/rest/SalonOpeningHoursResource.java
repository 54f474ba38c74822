package uz.aurelle.marketplace.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import uz.aurelle.marketplace.rest.CatalogueViews.WeekView;
import uz.aurelle.marketplace.service.OpeningHoursService;
import uz.aurelle.marketplace.service.OpeningHoursService.WeekData;

/** A salon's public opening hours (what clients see and "open now" uses); bookable time comes from masters. */
@Path("/api/salons/{salonId}/opening-hours")
public class SalonOpeningHoursResource {

    private final OpeningHoursService openingHours;
    private final Callers callers;
    private final SecurityIdentity identity;

    public SalonOpeningHoursResource(OpeningHoursService openingHours, Callers callers, SecurityIdentity identity) {
        this.openingHours = openingHours;
        this.callers = callers;
        this.identity = identity;
    }

    @GET
    @PermitAll
    public Uni<WeekView> get(@PathParam("salonId") UUID salonId) {
        return openingHours.week(salonId, identity.isAnonymous() ? null : callers.current()).map(WeekView::of);
    }

    /** Replaces the whole week; an empty list publishes no hours (never "open now"). */
    @PUT
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<WeekView> replace(@PathParam("salonId") UUID salonId, WeekData data) {
        return openingHours.replace(callers.current(), salonId, data).map(WeekView::of);
    }
}
