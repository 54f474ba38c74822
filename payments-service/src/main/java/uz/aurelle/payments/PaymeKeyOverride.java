package uz.aurelle.payments;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Payme cash-desk key set by ChangePassword; only its SHA-256 is kept. */
@Entity
@Table(name = "payme_key_override")
public class PaymeKeyOverride extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String merchant;

    @Column(name = "key_sha256", nullable = false, length = 64)
    public String keySha256;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
