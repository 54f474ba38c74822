package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.util.UUID;

@Entity
@Table(name = "master_break")
public class MasterBreak {
    @Id
    public UUID id;
    @Column(name = "master_id")
    public UUID masterId;
    @Column(name = "day_of_week")
    public int dayOfWeek;
    @Column(name = "starts_at")
    public LocalTime startsAt;
    @Column(name = "ends_at")
    public LocalTime endsAt;
}
