package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** Which master performs which service, with optional per-master price and duration. */
@Entity
@Table(name = "master_service")
@IdClass(MasterOffer.Key.class)
public class MasterOffer {
    @Id
    @Column(name = "master_id")
    public UUID masterId;
    @Id
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "price_tiyin")
    public Long priceTiyin;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public record Key(UUID masterId, UUID serviceId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public long price(BeautyService service) {
        return priceTiyin != null ? priceTiyin : service.priceTiyin;
    }

    public int duration(BeautyService service) {
        return durationMinutes != null ? durationMinutes : service.durationMinutes;
    }
}
