package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import uz.aurelle.common.rest.PageResponse;

/** A client's favourite salons. Adding twice is harmless (idempotent by the primary key). */
@ApplicationScoped
public class FavoriteService {

    private final SalonManagementService salons;

    public FavoriteService(SalonManagementService salons) {
        this.salons = salons;
    }

    public record Favorite(UUID salonId, String nameRu, String nameUz, String nameEn, OffsetDateTime addedAt) {
    }

    @WithTransaction
    public Uni<Void> add(Actor client, UUID salonId) {
        return salons.view(salonId, null).chain(salon -> Panache.getSession()).chain(s -> s.createNativeQuery(
                        "INSERT INTO favorite (client_id, salon_id) VALUES (:c, :s) ON CONFLICT DO NOTHING")
                .setParameter("c", client.userId()).setParameter("s", salonId).executeUpdate()).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> remove(Actor client, UUID salonId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "DELETE FROM favorite WHERE client_id = :c AND salon_id = :s")
                .setParameter("c", client.userId()).setParameter("s", salonId).executeUpdate()).replaceWithVoid();
    }

    @WithSession
    public Uni<Boolean> contains(Actor client, UUID salonId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM favorite WHERE client_id = :c AND salon_id = :s")
                .setParameter("c", client.userId()).setParameter("s", salonId).getSingleResult())
                .map(n -> ((Number) n).longValue() > 0);
    }

    /** Favourites of live, active salons, newest first. */
    @WithSession
    public Uni<PageResponse<Favorite>> list(Actor client, int page, int size) {
        String from = " FROM favorite f JOIN salon s ON s.id = f.salon_id WHERE f.client_id = :c"
                + " AND s.deleted_at IS NULL AND s.status = 'ACTIVE'";
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT s.id, s.name_ru, s.name_uz, s.name_en,"
                                + " f.created_at" + from + " ORDER BY f.created_at DESC, s.id LIMIT :l OFFSET :o")
                        .setParameter("c", client.userId()).setParameter("l", size)
                        .setParameter("o", (long) page * size).getResultList()
                .chain(rows -> s.createNativeQuery("SELECT count(*)" + from)
                        .setParameter("c", client.userId()).getSingleResult()
                        .map(total -> new PageResponse<>(rows.stream().map(FavoriteService::favorite).toList(), page,
                                size, ((Number) total).longValue()))));
    }

    private static Favorite favorite(Object row) {
        Object[] r = (Object[]) row;
        Object at = r[4];
        OffsetDateTime added = at instanceof OffsetDateTime o ? o
                : at instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : at instanceof java.time.LocalDateTime l ? l.atOffset(ZoneOffset.UTC) : null;
        return new Favorite((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], added);
    }
}
