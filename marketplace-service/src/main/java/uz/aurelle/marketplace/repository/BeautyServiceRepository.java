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

    /** Soft-deleted services of a salon, most recently deleted first. */
    public Uni<PageResponse<BeautyService>> deletedOf(UUID salonId, int page, int size) {
        return getSession().chain(s -> DeletedOfSalon.page(s, BeautyService.class, "salon_service",
                "id, salon_id, category_id, name_ru, name_uz, name_en, duration_minutes, price_tiyin,"
                        + " buffer_before_minutes, buffer_after_minutes, home_service, ikpu_code, package_code,"
                        + " vat_percent, created_at", salonId, page, size));
    }
}
