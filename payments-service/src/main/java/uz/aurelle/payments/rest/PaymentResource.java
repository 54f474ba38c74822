package uz.aurelle.payments.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.idempotency.Idempotent;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.payments.rest.PaymentDtos.CreatePayment;
import uz.aurelle.payments.rest.PaymentDtos.OfflinePayment;
import uz.aurelle.payments.rest.PaymentDtos.Payment;
import uz.aurelle.payments.service.CheckoutLinks;
import uz.aurelle.payments.service.PaymentService;

/** Client API: pay a booking, read its payments, record salon-side payments. */
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService payments;
    private final CheckoutLinks links;
    private final JsonWebToken jwt;

    public PaymentResource(PaymentService payments, CheckoutLinks links, JsonWebToken jwt) {
        this.payments = payments;
        this.links = links;
        this.jwt = jwt;
    }

    @POST
    @RolesAllowed("CLIENT")
    @Idempotent(required = false)
    public Uni<Response> create(@Valid @NotNull CreatePayment request) {
        return payments.create(subject(), request.bookingId(), request.provider()).map(result -> {
            Payment body = Payment.of(result.order(),
                    links.linkFor(result.order(), request.lang(), request.returnUrl()));
            return result.created()
                    ? Response.created(URI.create("/api/payments/" + result.order().id)).entity(body).build()
                    : Response.ok(body).build();
        });
    }

    @POST
    @Path("/offline")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @Idempotent(required = false)
    public Uni<Response> recordOffline(@Valid @NotNull OfflinePayment request) {
        return payments.recordOffline(caller(), request.bookingId(), request.method())
                .map(order -> Response.created(URI.create("/api/payments/" + order.id))
                        .entity(Payment.of(order, null)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"CLIENT", "SALON_OWNER", "ADMIN"})
    public Uni<Payment> get(@PathParam("id") UUID id) {
        return payments.get(caller(), id).map(order -> Payment.of(order, checkout(order)));
    }

    /** Refund state of a payment, for its client, its salon and admins. */
    @GET
    @Path("/{id}/refunds")
    @RolesAllowed({"CLIENT", "SALON_OWNER", "ADMIN"})
    public Uni<java.util.List<PaymentDtos.RefundView>> refunds(@PathParam("id") UUID id) {
        return payments.refunds(caller(), id).map(list -> list.stream().map(PaymentDtos.RefundView::of).toList());
    }

    @GET
    @RolesAllowed({"CLIENT", "SALON_OWNER", "ADMIN"})
    public Uni<PageResponse<Payment>> byBooking(@QueryParam("bookingId") UUID bookingId) {
        if (bookingId == null) {
            throw ApiException.badRequest("booking_id_required", "Query parameter bookingId is required.");
        }
        return payments.byBooking(caller(), bookingId).map(list -> new PageResponse<>(
                list.stream().map(order -> Payment.of(order, checkout(order))).toList(), 0, list.size(), list.size()));
    }

    private String checkout(uz.aurelle.payments.PaymentOrder order) {
        return order.provider.online() && order.state == uz.aurelle.payments.OrderState.CREATED
                ? links.linkFor(order, null, null) : null;
    }

    private PaymentService.Caller caller() {
        return new PaymentService.Caller(subject(), jwt.getGroups().contains("ADMIN"));
    }

    private UUID subject() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            throw ApiException.forbidden("forbidden", "This token has no user.");
        }
    }
}
