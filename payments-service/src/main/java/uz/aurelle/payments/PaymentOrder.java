package uz.aurelle.payments;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** What a client pays for one booking through one provider; the amount is marketplace's, in tiyin. */
@Entity
@Table(name = "payment_order")
public class PaymentOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "salon_id", nullable = false)
    public UUID salonId;

    @Column(name = "salon_owner_id", nullable = false)
    public UUID salonOwnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Provider provider;

    @Column(nullable = false, length = 64)
    public String merchant;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false, length = 3)
    public String currency = "UZS";

    @Column(name = "commission_bps")
    public Integer commissionBps;

    public Long commission;

    @Column(name = "net_amount")
    public Long netAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderState state;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
