package uz.aurelle.payments;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A change marketplace must learn, written in the same transaction as the change itself. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /**
     * PAID / PAYMENT_CANCELLED / REFUNDED go to payment-events; HOLD_RELEASE ends a hold extension;
     * REFUND_ACK reports a refund decision's outcome (payload: refundRequestId, paymentId, status).
     */
    public enum Type {
        PAID, PAYMENT_CANCELLED, REFUNDED, HOLD_RELEASE, REFUND_ACK
    }

    @Id
    public UUID id;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Type type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
