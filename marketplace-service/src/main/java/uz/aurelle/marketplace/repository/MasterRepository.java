package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.Master;

@ApplicationScoped
public class MasterRepository implements PanacheRepositoryBase<Master, UUID> {

    public Uni<Master> findLive(UUID id) {
        return findById(id);
    }

    /** Row lock (FOR UPDATE): a booking being inserted holds the master FOR SHARE, so this waits for it. */
    public Uni<Void> lock(Master master) {
        return getSession().chain(s -> s.lock(master, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Long> liveBookings(UUID masterId, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM booking b WHERE b.master_id = :master"
                        + " AND " + BookingRepository.LIVE_SQL, Long.class)
                .setParameter("master", masterId).setParameter("now", now).getSingleResult());
    }

    /** The live master records linked to a MASTER user account (one per salon they work in). */
    public Uni<List<Master>> findByUser(UUID userId) {
        return list("userId", userId);
    }
}
