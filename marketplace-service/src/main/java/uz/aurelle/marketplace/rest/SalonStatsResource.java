package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import uz.aurelle.marketplace.service.StatsService;

/** Owner statistics of one salon over local dates {@code [from, to]}. */
@Path("/api/salons/{salonId}/stats")
@RolesAllowed({"SALON_OWNER", "ADMIN"})
public class SalonStatsResource {

    private final StatsService stats;
    private final Callers callers;

    public SalonStatsResource(StatsService stats, Callers callers) {
        this.stats = stats;
        this.callers = callers;
    }

    @GET
    public Uni<StatsService.SalonStats> get(@PathParam("salonId") UUID salonId, @QueryParam("from") String from,
                                            @QueryParam("to") String to) {
        return stats.salon(callers.current(), salonId, Params.date("from", from), Params.date("to", to));
    }
}
