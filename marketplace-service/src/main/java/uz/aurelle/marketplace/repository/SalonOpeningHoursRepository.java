package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.SalonOpeningHours;

@ApplicationScoped
public class SalonOpeningHoursRepository implements PanacheRepositoryBase<SalonOpeningHours, SalonOpeningHours.Key> {

    /**
     * "Open now" for the salon aliased {@code s}: its wall clock at this instant lies inside its week
     * ({@code open_week}, the union of its intervals kept by a trigger) and no closure is running.
     * Search and the salon detail share it, so they agree.
     */
    public static final String OPEN_NOW_SQL = "(s.open_week @> aurelle_week_minute(s.time_zone, now())"
            + " AND NOT EXISTS (SELECT 1 FROM salon_closure sc WHERE sc.salon_id = s.id AND sc.starts_at <= now()"
            + " AND sc.ends_at > now()))";

    /** The salon's week, Monday first, each day's intervals in order. */
    public Uni<List<SalonOpeningHours>> forSalon(UUID salonId) {
        return list("salonId = ?1 order by dayOfWeek, opensAt", salonId);
    }

    public Uni<Long> deleteForSalon(UUID salonId) {
        return delete("salonId", salonId);
    }

    public Uni<Boolean> openNow(UUID salonId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT " + OPEN_NOW_SQL + " FROM salon s WHERE s.id = :id",
                Boolean.class).setParameter("id", salonId).getSingleResult());
    }
}
