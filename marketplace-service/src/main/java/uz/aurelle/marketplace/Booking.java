package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * Status changes are compare-and-set updates; a flush writes only the columns it changed
 * ({@code @DynamicUpdate}), so it can never write back a status read earlier.
 */
@Entity
@Table(name = "booking")
@DynamicUpdate
public class Booking {
    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "salon_id")
    public UUID salonId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "master_id")
    public UUID masterId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    /** Start minus the service's before-buffer; the exclusion constraint's range starts here. */
    @Column(name = "occupied_from")
    public Instant occupiedFrom;
    @Column(name = "occupied_to")
    public Instant occupiedTo;
    /** The salon's zone at booking time, to render local times. */
    @Column(name = "time_zone")
    public String timeZone;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "service_title")
    public String serviceTitle;
    @Column(name = "ikpu_code")
    public String ikpuCode;
    @Column(name = "package_code")
    public String packageCode;
    @Column(name = "vat_percent")
    public int vatPercent;
    @Column(name = "price_tiyin")
    public long priceTiyin;
    @Column(name = "discount_tiyin")
    public long discountTiyin;
    @Column(name = "amount_tiyin")
    public long amountTiyin;
    public String currency;
    @Column(name = "promo_code_id")
    public UUID promoCodeId;
    @Column(name = "prepayment_required")
    public boolean prepaymentRequired;
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Column(name = "hold_extended_until")
    public Instant holdExtendedUntil;
    public boolean paid;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "payment_provider")
    public String paymentProvider;
    @Column(name = "rescheduled_from")
    public UUID rescheduledFrom;
    /** Set on a paid booking that was moved: the most a client cancellation refunds, in percent. */
    @Column(name = "refund_cap_percent")
    public Integer refundCapPercent;
    /** A refund the client is owed or got back (PENDING until payments-service reports it REFUNDED). */
    @Column(name = "refund_tiyin")
    public Long refundTiyin;
    @Column(name = "refund_status")
    public String refundStatus;
    @Column(name = "cancel_reason")
    public String cancelReason;
    public String comment;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The hold in force: an open provider transaction may extend it, never shorten it. */
    public Instant effectiveHoldExpiry() {
        if (holdExpiresAt == null) {
            return null;
        }
        return holdExtendedUntil != null && holdExtendedUntil.isAfter(holdExpiresAt) ? holdExtendedUntil
                : holdExpiresAt;
    }
}
