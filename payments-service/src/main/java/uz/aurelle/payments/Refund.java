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

/** Money going back to the client for a paid order. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    /** MANUAL: an admin must act in the provider's cabinet (Payme refunds are initiated there). */
    public enum State {
        PENDING, MANUAL, DONE, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "refund_request_id")
    public UUID refundRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Provider provider;

    @Column(nullable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(length = 500)
    public String reason;

    @Column(name = "provider_reference", length = 128)
    public String providerReference;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
