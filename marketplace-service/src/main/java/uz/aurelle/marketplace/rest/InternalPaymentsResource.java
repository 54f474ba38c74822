package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.service.PaymentIntegrationService;
import uz.aurelle.marketplace.service.PaymentIntegrationService.AckRequest;
import uz.aurelle.marketplace.service.PaymentIntegrationService.AckResult;
import uz.aurelle.marketplace.service.PaymentIntegrationService.EventRequest;
import uz.aurelle.marketplace.service.PaymentIntegrationService.EventResult;
import uz.aurelle.marketplace.service.PaymentIntegrationService.HoldView;
import uz.aurelle.marketplace.service.PaymentIntegrationService.Payable;
import uz.aurelle.marketplace.service.PaymentIntegrationService.RefundView;

/** Service-to-service API for payments-service; never routed by the gateway, SERVICE tokens only. */
@Path("/internal")
@RolesAllowed("SERVICE")
public class InternalPaymentsResource {

    private final PaymentIntegrationService payments;

    public InternalPaymentsResource(PaymentIntegrationService payments) {
        this.payments = payments;
    }

    public record HoldRequest(OffsetDateTime until) {
    }

    @GET
    @Path("/bookings/{bookingId}/payable")
    public Uni<Payable> payable(@PathParam("bookingId") UUID bookingId) {
        return payments.payable(bookingId);
    }

    @POST
    @Path("/bookings/{bookingId}/payment-events")
    public Uni<EventResult> event(@PathParam("bookingId") UUID bookingId, EventRequest request) {
        return payments.apply(bookingId, request);
    }

    @PUT
    @Path("/bookings/{bookingId}/hold")
    public Uni<HoldView> extendHold(@PathParam("bookingId") UUID bookingId, HoldRequest request) {
        return payments.extendHold(bookingId, request == null ? null : request.until());
    }

    @DELETE
    @Path("/bookings/{bookingId}/hold")
    public Uni<HoldView> releaseHold(@PathParam("bookingId") UUID bookingId) {
        return payments.releaseHold(bookingId);
    }

    @GET
    @Path("/refund-requests")
    public Uni<List<RefundView>> refundRequests(@QueryParam("status") String status) {
        return payments.refundRequests(status);
    }

    @POST
    @Path("/refund-requests/{id}/ack")
    public Uni<AckResult> ack(@PathParam("id") UUID id, AckRequest request) {
        return payments.acknowledge(id, request);
    }
}
