package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.RefundRequest;

@ApplicationScoped
public class RefundRequestRepository implements PanacheRepositoryBase<RefundRequest, UUID> {

    public Uni<List<RefundRequest>> byStatus(String status) {
        return list("status = ?1 order by createdAt, id", status);
    }
}
