package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One public opening interval of a weekday (ISO 1 = Monday) in the salon's zone. {@code closesAt} not
 * after {@code opensAt} closes the next day: 20:00-02:00 runs into the night, 09:00-00:00 ends at
 * midnight and 00:00-00:00 is round the clock. PostgreSQL derives the interval's place in the week
 * ({@code week_span}) and refuses overlaps.
 */
@Entity
@Table(name = "salon_opening_hours")
@IdClass(SalonOpeningHours.Key.class)
public class SalonOpeningHours {
    @Id
    @Column(name = "salon_id")
    public UUID salonId;
    @Id
    @Column(name = "day_of_week")
    public int dayOfWeek;
    @Id
    @Column(name = "opens_at")
    public LocalTime opensAt;
    @Column(name = "closes_at")
    public LocalTime closesAt;

    public record Key(UUID salonId, int dayOfWeek, LocalTime opensAt) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    public SalonOpeningHours() {
    }

    public SalonOpeningHours(UUID salonId, int dayOfWeek, LocalTime opensAt, LocalTime closesAt) {
        this.salonId = salonId;
        this.dayOfWeek = dayOfWeek;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    /** Closes after midnight, on the following day (not when it closes exactly at midnight). */
    public boolean closesNextDay() {
        return !closesAt.equals(LocalTime.MIDNIGHT) && !closesAt.isAfter(opensAt);
    }
}
