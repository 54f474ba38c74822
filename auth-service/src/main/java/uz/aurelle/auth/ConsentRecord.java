package uz.aurelle.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Proof that a person accepted a given version of the terms or the privacy policy (ZRU-547). */
@Entity
@Table(name = "consent_records")
public class ConsentRecord extends PanacheEntityBase {

    public enum Document { TERMS, PRIVACY }

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public Document document;

    public String version;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    public String ip;
}
