package uz.aurelle.marketplace.repository;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import uz.aurelle.common.rest.PageResponse;

/**
 * Soft-deleted rows of one salon, most recently deleted first. Native SQL: Hibernate hides deleted rows,
 * and common's SoftDeletes.listDeleted cannot filter by salon.
 */
final class DeletedOfSalon {

    private DeletedOfSalon() {
    }

    /** {@code columns} are those the entity maps, so the native rows become entities. */
    static <T> Uni<PageResponse<T>> page(Mutiny.Session session, Class<T> type, String table, String columns,
                                         UUID salonId, int page, int size) {
        String where = " FROM " + table + " WHERE salon_id = :salon AND deleted_at IS NOT NULL";
        return session.createNativeQuery("SELECT " + columns + where + " ORDER BY deleted_at DESC, id", type)
                .setParameter("salon", salonId).setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(items -> session.createNativeQuery("SELECT count(*)" + where, Long.class)
                        .setParameter("salon", salonId).getSingleResult()
                        .map(total -> new PageResponse<>(items, page, size, total)));
    }
}
