package uz.aurelle.marketplace.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import uz.aurelle.marketplace.Booking;

/** A booking as clients, owners and masters see it; times in the salon's zone with offset. */
public record BookingView(UUID id, UUID clientId, UUID salonId, UUID serviceId, UUID masterId, String serviceTitle,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, String status,
                          long price, long discount, long amount, String currency, boolean prepaymentRequired,
                          OffsetDateTime holdExpiresAt, boolean paid, UUID rescheduledFrom, String cancelReason,
                          String comment, OffsetDateTime createdAt, Refund refund) {

    /** Money coming back to the client: PENDING while payments-service carries it out, then REFUNDED. */
    public record Refund(long amount, String currency, String status) {
    }

    public static BookingView of(Booking b) {
        ZoneId zone = ZoneId.of(b.timeZone);
        return new BookingView(b.id, b.clientId, b.salonId, b.serviceId, b.masterId, b.serviceTitle,
                b.startsAt.atZone(zone).toOffsetDateTime(), b.endsAt.atZone(zone).toOffsetDateTime(),
                b.timeZone, b.status.name(), b.priceTiyin, b.discountTiyin, b.amountTiyin, b.currency,
                b.prepaymentRequired, b.effectiveHoldExpiry() == null ? null
                        : b.effectiveHoldExpiry().atZone(zone).toOffsetDateTime(),
                b.paid, b.rescheduledFrom, b.cancelReason, b.comment, b.createdAt.atZone(zone).toOffsetDateTime(),
                b.refundTiyin == null ? null : new Refund(b.refundTiyin, b.currency, b.refundStatus));
    }
}
