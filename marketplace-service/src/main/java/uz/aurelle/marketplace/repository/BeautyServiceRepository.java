package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.BeautyService;

@ApplicationScoped
public class BeautyServiceRepository implements PanacheRepositoryBase<BeautyService, UUID> {

    public Uni<BeautyService> findLive(UUID id) {
        return findById(id);
    }

    /**
     * Soft-deleted services of a salon, most recently deleted first. Native SQL: Hibernate hides deleted
     * rows, and common's SoftDeletes.listDeleted cannot filter by salon.
     */
    public Uni<PageResponse<BeautyService>> deletedOf(UUID salonId, int page, int size) {
        String where = " FROM salon_service WHERE salon_id = :salon AND deleted_at IS NOT NULL";
        return getSession().chain(s -> s.createNativeQuery("SELECT id, salon_id, category_id, name_ru, name_uz,"
                                + " name_en, duration_minutes, price_tiyin, buffer_before_minutes,"
                                + " buffer_after_minutes, home_service, ikpu_code, package_code, vat_percent,"
                                + " created_at" + where + " ORDER BY deleted_at DESC, id", BeautyService.class)
                .setParameter("salon", salonId).setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(items -> s.createNativeQuery("SELECT count(*)" + where, Long.class)
                        .setParameter("salon", salonId).getSingleResult()
                        .map(total -> new PageResponse<>(items, page, size, total))));
    }
}
