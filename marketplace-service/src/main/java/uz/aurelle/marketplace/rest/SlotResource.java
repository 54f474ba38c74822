package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import uz.aurelle.marketplace.service.AvailabilityService;
import uz.aurelle.marketplace.service.AvailabilityService.SlotsResponse;

/** Public free slots of an active salon's service, for one master or any master. */
@Path("/api/salons/{salonId}/slots")
public class SlotResource {

    private final AvailabilityService availability;

    public SlotResource(AvailabilityService availability) {
        this.availability = availability;
    }

    @GET
    public Uni<SlotsResponse> slots(@PathParam("salonId") UUID salonId,
                                    @QueryParam("serviceId") UUID serviceId,
                                    @QueryParam("masterId") UUID masterId,
                                    @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        LocalDate first = Params.date("from", from);
        LocalDate last = to == null ? first : Params.date("to", to);
        return availability.freeSlots(salonId, Params.require("serviceId", serviceId), masterId, first, last);
    }
}
