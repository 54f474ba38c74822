package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.TransactionState;

@ApplicationScoped
public class ProviderTransactionRepository implements PanacheRepositoryBase<ProviderTransaction, Long> {

    public Uni<ProviderTransaction> findByProviderId(Provider provider, String providerTransactionId) {
        return find("provider = ?1 and providerTransactionId = ?2", provider, providerTransactionId).firstResult();
    }

    /**
     * Only the order id (no managed entity), so that a later locked read in the same session
     * loads the row fresh instead of returning a stale cached instance.
     */
    public Uni<UUID> findOrderId(Provider provider, String providerTransactionId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select t.orderId from ProviderTransaction t where t.provider = :p and t.providerTransactionId = :id",
                        UUID.class)
                .setParameter("p", provider)
                .setParameter("id", providerTransactionId)
                .getSingleResultOrNull());
    }

    public Uni<Long> countActive(UUID orderId, Provider provider) {
        return count("orderId = ?1 and provider = ?2 and state = ?3", orderId, provider, TransactionState.CREATED);
    }

    public Uni<List<ProviderTransaction>> byOrder(UUID orderId) {
        return list("orderId = ?1 order by id", orderId);
    }

    /** Payme GetStatement: by Payme's own {@code time}, inclusive, ascending. */
    public Uni<List<ProviderTransaction>> statement(Provider provider, String merchant, long from, long to) {
        return list("provider = ?1 and merchant = ?2 and providerTimeMs >= ?3 and providerTimeMs <= ?4 "
                + "order by providerTimeMs, id", provider, merchant, from, to);
    }

    /** Open transactions whose provider time is before the cut-off (sweepers). */
    public Uni<List<ProviderTransaction>> openOlderThan(Provider provider, long cutoffMs, int limit) {
        return find("provider = ?1 and state = ?2 and providerTimeMs < ?3 order by providerTimeMs",
                provider, TransactionState.CREATED, cutoffMs).page(0, limit).list();
    }
}
