package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.Master;

@ApplicationScoped
public class MasterRepository implements PanacheRepositoryBase<Master, UUID> {

    public Uni<Master> findLive(UUID id) {
        return findById(id);
    }

    /** The live master records linked to a MASTER user account (one per salon they work in). */
    public Uni<List<Master>> findByUser(UUID userId) {
        return list("userId", userId);
    }
}
