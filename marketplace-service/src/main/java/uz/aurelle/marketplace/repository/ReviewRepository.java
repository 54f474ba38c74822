package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
}
