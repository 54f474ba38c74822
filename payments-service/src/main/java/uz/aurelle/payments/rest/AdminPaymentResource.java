package uz.aurelle.payments.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.rest.PaymentDtos.Payment;
import uz.aurelle.payments.service.AdminPaymentService;
import uz.aurelle.payments.service.RefundService;

/** Admin: payments with filters, a payment's full history, refunds to act on, Payme reconciliation. */
@Path("/api/payments/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AdminPaymentResource {

    private final AdminPaymentService admin;
    private final RefundService refunds;

    public AdminPaymentResource(AdminPaymentService admin, RefundService refunds) {
        this.admin = admin;
        this.refunds = refunds;
    }

    @GET
    @Path("/orders")
    public Uni<PageResponse<Payment>> list(@QueryParam("provider") Provider provider,
                                           @QueryParam("state") OrderState state,
                                           @QueryParam("salonId") UUID salonId,
                                           @QueryParam("bookingId") UUID bookingId,
                                           @QueryParam("from") OffsetDateTime from,
                                           @QueryParam("to") OffsetDateTime to,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return admin.list(new AdminPaymentService.Filter(provider, state, salonId, bookingId,
                        from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), page, size)
                .map(result -> result.map(order -> Payment.of(order, null)));
    }

    @GET
    @Path("/orders/{id}/history")
    public Uni<AdminPaymentService.History> history(@PathParam("id") UUID id) {
        return admin.history(id);
    }

    @GET
    @Path("/refunds")
    public Uni<List<Refund>> refunds(@QueryParam("state") Refund.State state) {
        return admin.refunds(state);
    }

    /** The admin made this refund by hand (Payme/Uzum cabinet, cash at the salon). */
    @POST
    @Path("/refunds/{id}/done")
    public Uni<Refund> refundDone(@PathParam("id") UUID id) {
        return refunds.confirmManual(id);
    }

    /** Payme period reconciliation, {@code from}/{@code to} in Payme epoch milliseconds (inclusive). */
    @GET
    @Path("/reconcile/payme")
    public Uni<AdminPaymentService.Reconciliation> reconcilePayme(
            @QueryParam("merchant") @DefaultValue(PaymentsConfig.DEFAULT_MERCHANT) String merchant,
            @QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null || from > to) {
            throw ApiException.badRequest("invalid_period", "Give from ≤ to, in epoch milliseconds.");
        }
        return admin.reconcilePayme(merchant, from, to);
    }
}
