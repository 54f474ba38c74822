package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import java.util.UUID;

/** A service a salon offers (table {@code salon_service}). */
@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(name = "salon_service")
public class BeautyService {
    @Id
    public UUID id;
    @Column(name = "salon_id")
    public UUID salonId;
    @Column(name = "category_id")
    public UUID categoryId;
    @Column(name = "name_ru")
    public String nameRu;
    @Column(name = "name_uz")
    public String nameUz;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "price_tiyin")
    public long priceTiyin;
    @Column(name = "buffer_before_minutes")
    public int bufferBeforeMinutes;
    @Column(name = "buffer_after_minutes")
    public int bufferAfterMinutes;
    @Column(name = "home_service")
    public boolean homeService;
    @Column(name = "ikpu_code")
    public String ikpuCode;
    @Column(name = "package_code")
    public String packageCode;
    @Column(name = "vat_percent")
    public int vatPercent;
    @Column(name = "created_at")
    public Instant createdAt;
}
