package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** A client's review of a completed booking; {@code hidden} is the admins' moderation switch. */
@Entity
@Table(name = "review")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class Review {
    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "salon_id")
    public UUID salonId;
    @Column(name = "master_id")
    public UUID masterId;
    @Column(name = "client_id")
    public UUID clientId;
    public int rating;
    public String body;
    @Column(name = "owner_reply")
    public String ownerReply;
    @Column(name = "owner_replied_at")
    public Instant ownerRepliedAt;
    public boolean hidden;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
