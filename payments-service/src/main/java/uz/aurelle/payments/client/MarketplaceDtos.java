package uz.aurelle.payments.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of marketplace-service's internal API, as in the team's internal contract. */
public final class MarketplaceDtos {

    private MarketplaceDtos() {
    }

    public record PayableBooking(UUID bookingId, UUID clientId, UUID salonId, UUID salonOwnerId, String status,
                                 boolean paid, boolean payable, long amount, String currency,
                                 OffsetDateTime holdExpiresAt, OffsetDateTime startsAt, boolean completed,
                                 List<Item> items) {
        public List<Item> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    /** A booked service line: price in tiyin per unit, code = 17-digit IKPU (MXIK) or null. */
    public record Item(String title, long price, int count, String code, String packageCode, Integer vatPercent) {
    }

    public record PaymentEvent(UUID eventId, String type, UUID paymentId, String provider, long amount,
                               OffsetDateTime occurredAt) {
    }

    public record PaymentEventAck(UUID eventId, boolean applied, String bookingStatus) {
    }

    public record Hold(OffsetDateTime until) {
    }

    /**
     * A refund decision. {@code paymentId} names the order to refund: after a reschedule it was paid for an
     * earlier booking of the chain that starts at {@code originalBookingId}. Both are absent on old requests.
     */
    public record RefundRequest(UUID id, UUID bookingId, UUID originalBookingId, UUID paymentId, long amount,
                                String reason, OffsetDateTime createdAt) {
    }

    public record RefundAck(UUID paymentId, String status) {
    }
}
