package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;

@ApplicationScoped
public class PaymentOrderRepository implements PanacheRepositoryBase<PaymentOrder, UUID> {

    /** Row lock (SELECT ... FOR UPDATE): serialises every state change of one order. */
    public Uni<PaymentOrder> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<PaymentOrder> findOpen(UUID bookingId, Provider provider) {
        return find("bookingId = ?1 and provider = ?2 and state = ?3", bookingId, provider, OrderState.CREATED)
                .firstResult();
    }

    public Uni<Boolean> isBookingPaid(UUID bookingId) {
        return count("bookingId = ?1 and state = ?2", bookingId, OrderState.PAID).map(n -> n > 0);
    }

    public Uni<List<PaymentOrder>> byBooking(UUID bookingId) {
        return list("bookingId = ?1 order by createdAt", bookingId);
    }
}
