package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import uz.aurelle.payments.Refund;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {
}
