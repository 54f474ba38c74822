package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refund decision for payments-service, produced when a paid booking is cancelled. */
@Entity
@Table(name = "refund_request")
public class RefundRequest {
    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "amount_tiyin")
    public long amountTiyin;
    public int percent;
    public String reason;
    public String status;
    /** The payment to give back; it may have been made for an earlier booking of the reschedule chain. */
    @Column(name = "payment_id")
    public UUID paymentId;
    /** The first booking of the reschedule chain (the booking itself when it was never moved). */
    @Column(name = "original_booking_id")
    public UUID originalBookingId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
