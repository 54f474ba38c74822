package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.BookingStatus;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /**
     * Bookings that keep their salon and master from being deleted: unpaid holds and confirmed visits not
     * yet over (native SQL over alias {@code b}; V41's triggers use the same rule).
     */
    public static final String LIVE_SQL = "b.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.ends_at > :now"
            + " AND b.deleted_at IS NULL";

    // Null-safe on purpose: the negated form must be true for a hold without an extension.
    private static final String LIVE_HOLD =
            "((holdExpiresAt is not null and holdExpiresAt > :now)"
                    + " or (holdExtendedUntil is not null and holdExtendedUntil > :now))";

    public Uni<Booking> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    /** The booking locked FOR UPDATE until the transaction ends: every writer of a booking row goes through this. */
    public Uni<Booking> lockLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The last booking of the reschedule chain through {@code id} (B1 -> B2 -> ...: follows rescheduled_from
     * forwards); {@code id} itself when it was never moved or does not exist.
     */
    public Uni<UUID> chainEnd(UUID id) {
        return chainStep(id, "b.rescheduled_from = c.id");
    }

    /** The first booking of the reschedule chain through {@code id} (follows rescheduled_from backwards). */
    public Uni<UUID> chainStart(UUID id) {
        return chainStep(id, "b.id = c.rescheduled_from");
    }

    private Uni<UUID> chainStep(UUID id, String link) {
        return getSession().chain(s -> s.createNativeQuery("WITH RECURSIVE c (id, rescheduled_from, depth) AS ("
                                + " SELECT id, rescheduled_from, 0 FROM booking WHERE id = :id"
                                + " UNION ALL SELECT b.id, b.rescheduled_from, c.depth + 1 FROM booking b JOIN c ON "
                                + link + ") SELECT id FROM c ORDER BY depth DESC LIMIT 1", UUID.class)
                        .setParameter("id", id).getSingleResultOrNull())
                .map(found -> found == null ? id : found);
    }

    /** Bookings that occupy the masters in {@code [from, to)}: confirmed ones and unexpired holds. */
    public Uni<List<Booking>> findBlocking(Collection<UUID> masterIds, Instant from, Instant to, Instant now) {
        return getSession().chain(s -> s.createSelectionQuery("from Booking where masterId in :ids"
                                + " and occupiedTo > :from and occupiedFrom < :to and (status = :confirmed"
                                + " or (status = :pending and " + LIVE_HOLD + "))", Booking.class)
                .setParameter("ids", masterIds).setParameter("from", from).setParameter("to", to)
                .setParameter("now", now).setParameter("confirmed", BookingStatus.CONFIRMED)
                .setParameter("pending", BookingStatus.PENDING_PAYMENT).getResultList());
    }

    /** Unpaid bookings whose hold (including any extension) has lapsed. */
    public Uni<List<Booking>> findLapsedHolds(Collection<UUID> masterIds, Instant from, Instant to, Instant now) {
        return getSession().chain(s -> s.createSelectionQuery("from Booking where masterId in :ids"
                                + " and occupiedTo > :from and occupiedFrom < :to and status = :pending and not "
                                + LIVE_HOLD, Booking.class)
                .setParameter("ids", masterIds).setParameter("from", from).setParameter("to", to)
                .setParameter("now", now).setParameter("pending", BookingStatus.PENDING_PAYMENT).getResultList());
    }

    public Uni<List<Booking>> findAllLapsedHolds(Instant now, int limit) {
        return getSession().chain(s -> s.createSelectionQuery("from Booking where status = :pending and not "
                                + LIVE_HOLD + " order by holdExpiresAt", Booking.class)
                .setParameter("now", now).setParameter("pending", BookingStatus.PENDING_PAYMENT)
                .setMaxResults(limit).getResultList());
    }

    /**
     * Compare-and-set status change: only succeeds if nobody changed the status meanwhile
     * (two concurrent confirmations or a payment racing the expiry job cannot both win).
     */
    public Uni<Boolean> compareAndSetStatus(UUID id, BookingStatus expected, BookingStatus next, String reason,
                                            Instant now) {
        return getSession().chain(s -> s.createMutationQuery("update Booking set status = :next, updatedAt = :now,"
                                + " cancelReason = coalesce(:reason, cancelReason) where id = :id and status = :expected")
                .setParameter("next", next).setParameter("now", now).setParameter("reason", reason)
                .setParameter("id", id).setParameter("expected", expected).executeUpdate())
                .map(count -> count == 1);
    }

    /**
     * Expires an unpaid booking only if its hold is still lapsed when the row is written: PostgreSQL re-checks
     * the condition after waiting for a concurrent writer, so a hold extension committed meanwhile wins.
     */
    public Uni<Boolean> expireIfLapsed(UUID id, Instant now) {
        return getSession().chain(s -> s.createMutationQuery("update Booking set status = :expired, updatedAt = :now"
                                + " where id = :id and status = :pending and not " + LIVE_HOLD)
                .setParameter("expired", BookingStatus.EXPIRED).setParameter("now", now).setParameter("id", id)
                .setParameter("pending", BookingStatus.PENDING_PAYMENT).executeUpdate())
                .map(count -> count == 1);
    }
}
