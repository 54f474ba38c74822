package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import uz.aurelle.marketplace.PromoCode;

@ApplicationScoped
public class PromoCodeRepository implements PanacheRepositoryBase<PromoCode, UUID> {

    /**
     * The code a booking at {@code salonId} would use, locked FOR UPDATE: a salon's own code wins over
     * a global one with the same text. Every redemption of a code queues on this lock, so the limit
     * checks below run one at a time per code.
     */
    public Uni<PromoCode> lockForSalon(String code, UUID salonId) {
        return find("code = ?1 and (salonId = ?2 or salonId is null) order by salonId nulls last", code, salonId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * FOR UPDATE on the codes with these ids and, if {@code code} is set, on the live codes a booking at
     * {@code salonId} could mean by it; rows are locked in id order, so two callers never wait on each
     * other crosswise.
     */
    public Uni<Void> lockInIdOrder(Collection<UUID> ids, String code, UUID salonId) {
        String byId = ids.isEmpty() ? "false" : "id IN (:ids)";
        String byCode = code == null ? "" : " OR (code = :code AND (salon_id = :salon OR salon_id IS NULL)"
                + " AND deleted_at IS NULL)";
        return getSession().chain(s -> {
            var query = s.createNativeQuery("SELECT id FROM promo_code WHERE " + byId + byCode
                    + " ORDER BY id FOR UPDATE");
            if (!ids.isEmpty()) {
                query.setParameter("ids", ids);
            }
            if (code != null) {
                query.setParameter("code", code).setParameter("salon", salonId);
            }
            return query.getResultList();
        }).replaceWithVoid();
    }

    /** Live redemptions of the code by the client (caller holds the code's row lock). */
    public Uni<Long> activeRedemptions(UUID promoId, UUID clientId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM promo_redemption"
                                + " WHERE promo_code_id = :promo AND client_id = :client AND released_at IS NULL", Long.class)
                .setParameter("promo", promoId).setParameter("client", clientId).getSingleResult());
    }

    /** Conditional increment: 0 rows when the total limit is reached (the CHECK backs it up). */
    public Uni<Boolean> incrementIfBelowLimit(UUID promoId) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE promo_code SET redeemed_count = redeemed_count + 1"
                                + " WHERE id = :id AND deleted_at IS NULL"
                                + " AND (max_redemptions IS NULL OR redeemed_count < max_redemptions)")
                .setParameter("id", promoId).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Void> insertRedemption(UUID promoId, UUID bookingId, UUID clientId, long discount, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO promo_redemption"
                                + " (id, promo_code_id, booking_id, client_id, discount_tiyin, created_at)"
                                + " VALUES (:id, :promo, :booking, :client, :discount, :now)")
                .setParameter("id", UUID.randomUUID()).setParameter("promo", promoId)
                .setParameter("booking", bookingId).setParameter("client", clientId)
                .setParameter("discount", discount).setParameter("now", now).executeUpdate()).replaceWithVoid();
    }

    /**
     * Releases the booking's live redemption and gives the use back to the code, in one statement
     * so a repeated release changes nothing.
     */
    public Uni<Integer> release(UUID bookingId, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("WITH released AS ("
                                + " UPDATE promo_redemption SET released_at = :now"
                                + " WHERE booking_id = :booking AND released_at IS NULL RETURNING promo_code_id)"
                                + " UPDATE promo_code p SET redeemed_count = p.redeemed_count - 1, updated_at = :now"
                                + " FROM released r WHERE p.id = r.promo_code_id")
                .setParameter("now", now).setParameter("booking", bookingId).executeUpdate());
    }

    /** A reschedule keeps the discount: the live redemption moves to the new booking. */
    public Uni<Integer> transfer(UUID fromBooking, UUID toBooking) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE promo_redemption SET booking_id = :to"
                                + " WHERE booking_id = :from AND released_at IS NULL")
                .setParameter("to", toBooking).setParameter("from", fromBooking).executeUpdate());
    }
}
