package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(name = "promo_code")
public class PromoCode {

    public enum Kind { PERCENT, FIXED }

    @Id
    public UUID id;
    public String code;
    /** Null for a global code. */
    @Column(name = "salon_id")
    public UUID salonId;
    @Column(name = "created_by")
    public UUID createdBy;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    /** Percent (1-100) or a fixed amount in tiyin. */
    public long value;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "max_redemptions")
    public Integer maxRedemptions;
    @Column(name = "max_per_client")
    public Integer maxPerClient;
    @Column(name = "min_amount_tiyin")
    public long minAmountTiyin;
    @Column(name = "redeemed_count")
    public int redeemedCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The discount on {@code price}, never more than the price itself. */
    public long discountOn(long price) {
        long discount = kind == Kind.PERCENT ? price * value / 100 : value;
        return Math.min(Math.max(discount, 0), price);
    }
}
