package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import java.util.UUID;

@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(name = "master")
public class Master {
    @Id
    public UUID id;
    @Column(name = "salon_id")
    public UUID salonId;
    @Column(name = "user_id")
    public UUID userId;
    public String name;
    @Column(name = "photo_url")
    public String photoUrl;
    public String specialisation;
    @Column(name = "experience_years")
    public int experienceYears;
    @Column(name = "created_at")
    public Instant createdAt;
}
