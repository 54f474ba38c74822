package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.Master;

@ApplicationScoped
public class MasterRepository implements PanacheRepositoryBase<Master, UUID> {

    public Uni<Master> findLive(UUID id) {
        return findById(id);
    }

    /** The live master locked FOR UPDATE: linking, unlinking and inviting one master run one at a time. */
    public Uni<Master> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the account is linked to a live master of the salon other than {@code exceptMasterId}. */
    public Uni<Boolean> linkedElsewhereInSalon(UUID salonId, UUID userId, UUID exceptMasterId) {
        return count("salonId = ?1 and userId = ?2 and id <> ?3", salonId, userId, exceptMasterId).map(n -> n > 0);
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

    /** Soft-deleted masters of a salon, most recently deleted first. */
    public Uni<PageResponse<Master>> deletedOf(UUID salonId, int page, int size) {
        return getSession().chain(s -> DeletedOfSalon.page(s, Master.class, "master",
                "id, salon_id, user_id, name, photo_url, specialisation, experience_years, created_at",
                salonId, page, size));
    }
}
