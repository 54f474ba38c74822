package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;
import uz.aurelle.marketplace.Salon;

@ApplicationScoped
public class SalonRepository implements PanacheRepositoryBase<Salon, UUID> {

    public Uni<Salon> findLive(UUID id) {
        return findById(id);
    }

    /** Row lock (FOR UPDATE): a booking being inserted holds the salon FOR SHARE, so this waits for it. */
    public Uni<Void> lock(Salon salon) {
        return getSession().chain(s -> s.lock(salon, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Long> liveBookings(UUID salonId, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM booking b WHERE b.salon_id = :salon"
                        + " AND " + BookingRepository.LIVE_SQL, Long.class)
                .setParameter("salon", salonId).setParameter("now", now).getSingleResult());
    }

    /** The owner of a salon, deleted or not: payments-service still asks about its past bookings. */
    public Uni<UUID> ownerOf(UUID salonId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT owner_id FROM salon WHERE id = :id", UUID.class)
                .setParameter("id", salonId).getSingleResultOrNull());
    }
}
