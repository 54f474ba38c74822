package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A payment event applied to a booking; the primary key makes re-delivery a no-op. */
@Entity
@Table(name = "payment_event")
public class PaymentEvent {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "booking_id")
    public UUID bookingId;
    public String type;
    @Column(name = "payment_id")
    public UUID paymentId;
    public String provider;
    @Column(name = "amount_tiyin")
    public long amountTiyin;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "booking_status")
    public String bookingStatus;
    @Column(name = "received_at")
    public Instant receivedAt;
}
