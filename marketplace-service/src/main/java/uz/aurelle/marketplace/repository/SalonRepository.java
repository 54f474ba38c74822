package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import uz.aurelle.marketplace.Salon;

@ApplicationScoped
public class SalonRepository implements PanacheRepositoryBase<Salon, UUID> {

    public Uni<Salon> findLive(UUID id) {
        return findById(id);
    }
}
