package uz.aurelle.payments.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** marketplace-service's internal API (SERVICE tokens only); use it through {@link MarketplaceClient}. */
@RegisterRestClient(configKey = "marketplace")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MarketplaceApi {

    @GET
    @Path("/bookings/{bookingId}/payable")
    Uni<MarketplaceDtos.PayableBooking> payable(@PathParam("bookingId") UUID bookingId,
                                                @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/bookings/{bookingId}/payment-events")
    Uni<MarketplaceDtos.PaymentEventAck> paymentEvent(@PathParam("bookingId") UUID bookingId,
                                                      @HeaderParam("Authorization") String authorization,
                                                      MarketplaceDtos.PaymentEvent event);

    @PUT
    @Path("/bookings/{bookingId}/hold")
    Uni<Void> extendHold(@PathParam("bookingId") UUID bookingId,
                         @HeaderParam("Authorization") String authorization,
                         MarketplaceDtos.Hold hold);

    @DELETE
    @Path("/bookings/{bookingId}/hold")
    Uni<Void> releaseHold(@PathParam("bookingId") UUID bookingId,
                          @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/refund-requests")
    Uni<List<MarketplaceDtos.RefundRequest>> refundRequests(@QueryParam("status") String status,
                                                            @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/refund-requests/{id}/ack")
    Uni<Void> ackRefundRequest(@PathParam("id") UUID id,
                               @HeaderParam("Authorization") String authorization,
                               MarketplaceDtos.RefundAck ack);
}
