package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uz.aurelle.payments.OutboxEvent;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Due events, oldest first, skipping rows another worker holds; an event waits while an older
     * undelivered event of the same booking exists, so marketplace sees them in order.
     */
    public Uni<List<OutboxEvent>> lockDue(Instant now, int limit) {
        // Native SQL: Panache has no SKIP LOCKED hint in reactive mode.
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM outbox_event e
                        WHERE e.delivered_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= :now
                          AND NOT EXISTS (SELECT 1 FROM outbox_event o
                                          WHERE o.booking_id = e.booking_id AND o.delivered_at IS NULL
                                            AND o.failed_at IS NULL AND o.created_at < e.created_at)
                        ORDER BY e.created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<OutboxEvent>> byOrder(UUID orderId) {
        return list("orderId = ?1 order by createdAt", orderId);
    }
}
