package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** No times = day off; times = the hours of that date instead of the weekly ones. */
@Entity
@Table(name = "master_date_override")
public class MasterDateOverride {
    @Id
    public UUID id;
    @Column(name = "master_id")
    public UUID masterId;
    public LocalDate day;
    @Column(name = "starts_at")
    public LocalTime startsAt;
    @Column(name = "ends_at")
    public LocalTime endsAt;
    public String reason;
}
