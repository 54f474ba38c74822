package uz.aurelle.payments.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;

/** Client API bodies. */
public final class PaymentDtos {

    private PaymentDtos() {
    }

    /** {@code provider}: PAYME, CLICK or UZUM; {@code lang} for Payme's checkout page. */
    public record CreatePayment(@NotNull UUID bookingId, @NotNull Provider provider,
                                @Size(max = 500) @Pattern(regexp = "https?://.*") String returnUrl,
                                @Pattern(regexp = "ru|uz|en") String lang) {
    }

    /** Salon owner records a payment taken at the salon: CASH or CARD_AT_SALON. */
    public record OfflinePayment(@NotNull UUID bookingId, @NotNull Provider method) {
    }

    public record Payment(UUID id, UUID bookingId, UUID salonId, Provider provider, long amount, String currency,
                          String state, Long commission, Long netAmount, Integer commissionBps, String checkoutUrl,
                          OffsetDateTime createdAt, OffsetDateTime paidAt, OffsetDateTime cancelledAt) {

        public static Payment of(PaymentOrder order, String checkoutUrl) {
            return new Payment(order.id, order.bookingId, order.salonId, order.provider, order.amount, order.currency,
                    order.state.name(), order.commission, order.netAmount, order.commissionBps, checkoutUrl,
                    at(order.createdAt), at(order.paidAt), at(order.cancelledAt));
        }

        private static OffsetDateTime at(java.time.Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }

    public record RefundView(UUID id, UUID paymentId, Provider provider, long amount, String state, String reason,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        public static RefundView of(uz.aurelle.payments.Refund refund) {
            return new RefundView(refund.id, refund.orderId, refund.provider, refund.amount, refund.state.name(),
                    refund.reason, refund.createdAt.atOffset(ZoneOffset.UTC), refund.updatedAt.atOffset(ZoneOffset.UTC));
        }
    }
}
