package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import uz.aurelle.marketplace.BeautyService;

@ApplicationScoped
public class BeautyServiceRepository implements PanacheRepositoryBase<BeautyService, UUID> {

    public Uni<BeautyService> findLive(UUID id) {
        return findById(id);
    }
}
