package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import java.time.ZoneId;
import java.util.UUID;

@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(name = "salon")
public class Salon {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "name_ru")
    public String nameRu;
    @Column(name = "name_uz")
    public String nameUz;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "description_ru")
    public String descriptionRu;
    @Column(name = "description_uz")
    public String descriptionUz;
    @Column(name = "description_en")
    public String descriptionEn;
    public String address;
    public String city;
    public double latitude;
    public double longitude;
    public String phone;
    public String[] photos = new String[0];
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "slot_interval_minutes")
    public int slotIntervalMinutes;
    @Column(name = "min_notice_minutes")
    public int minNoticeMinutes;
    @Column(name = "horizon_days")
    public int horizonDays;
    @Column(name = "hold_minutes")
    public int holdMinutes;
    @Column(name = "prepayment_required")
    public boolean prepaymentRequired;
    @Column(name = "cancellation_window_hours")
    public int cancellationWindowHours;
    @Column(name = "refund_tiers")
    public String refundTiers;
    @Enumerated(EnumType.STRING)
    public SalonStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean bookable() {
        return status == SalonStatus.ACTIVE;
    }
}
