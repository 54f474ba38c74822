package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row per booking status change: who, when, from, to, why. */
@Entity
@Table(name = "booking_status_history")
public class BookingStatusChange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public BookingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public BookingStatus toStatus;
    public String actor;
    @Column(name = "actor_role")
    public String actorRole;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
}
