package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import uz.aurelle.marketplace.Review;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    /**
     * Recomputes the salon's and master's rating from their visible reviews, in the caller's
     * transaction, so the aggregates never drift from the rows. The salon and master rows are locked
     * first (always in that order) so each recount runs after any concurrent review change has
     * committed and therefore sees it.
     */
    public Uni<Void> refreshAggregates(UUID salonId, UUID masterId) {
        return flush().chain(() -> getSession()).chain(s -> s
                .createNativeQuery("SELECT id FROM salon WHERE id = :id FOR UPDATE").setParameter("id", salonId)
                .getResultList()
                .chain(() -> s.createNativeQuery("SELECT id FROM master WHERE id = :id FOR UPDATE")
                        .setParameter("id", masterId).getResultList())
                .chain(() -> s.createNativeQuery("UPDATE salon SET rating_avg = coalesce((SELECT avg(rating)"
                                + " FROM review WHERE salon_id = :id AND deleted_at IS NULL AND NOT hidden), 0),"
                                + " rating_count = (SELECT count(*) FROM review WHERE salon_id = :id AND deleted_at"
                                + " IS NULL AND NOT hidden) WHERE id = :id")
                        .setParameter("id", salonId).executeUpdate())
                .chain(() -> s.createNativeQuery("UPDATE master SET rating_avg = coalesce((SELECT avg(rating)"
                                + " FROM review WHERE master_id = :id AND deleted_at IS NULL AND NOT hidden), 0),"
                                + " rating_count = (SELECT count(*) FROM review WHERE master_id = :id AND deleted_at"
                                + " IS NULL AND NOT hidden) WHERE id = :id")
                        .setParameter("id", masterId).executeUpdate()))
                .replaceWithVoid();
    }

    /** Records who deleted a review; the soft delete itself leaves no trace of the actor. */
    public Uni<Void> markDeletedBy(UUID reviewId, String by) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE review SET deleted_by = :by WHERE id = :id")
                .setParameter("by", by).setParameter("id", reviewId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> clearDeletedBy(UUID reviewId) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE review SET deleted_by = NULL WHERE id = :id")
                .setParameter("id", reviewId).executeUpdate()).replaceWithVoid();
    }

    /** Creation time of the booking's first deleted review, null if none was deleted. */
    public Uni<Instant> firstDeletedCreatedAt(UUID bookingId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT min(created_at) FROM review"
                        + " WHERE booking_id = :b AND deleted_at IS NOT NULL", Instant.class)
                .setParameter("b", bookingId).getSingleResultOrNull());
    }

    /** True if an admin deleted a review of this booking. */
    public Uni<Boolean> deletedByAdmin(UUID bookingId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM review WHERE booking_id = :b"
                        + " AND deleted_at IS NOT NULL AND deleted_by = 'ADMIN'", Long.class)
                .setParameter("b", bookingId).getSingleResult()).map(n -> n > 0);
    }
}
