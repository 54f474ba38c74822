package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Aggregate queries for owner and admin statistics, computed by PostgreSQL. Sums are cast to bigint
 * (tiyin) and days are local dates in the salon's zone.
 */
@ApplicationScoped
public class StatsRepository {

    /** The refund decided for a booking (0 when none: a 0 % tier makes no request). */
    private static final String REFUND =
            "coalesce((SELECT r.amount_tiyin FROM refund_request r WHERE r.booking_id = b.id), 0)";

    /**
     * A paid booking cancelled with part of the money kept (0 % / 50 % tiers). A rescheduled booking's
     * payment moved on with the new booking, which counts instead.
     */
    private static final String KEPT_ON_CANCEL = "b.paid AND b.status = 'CANCELLED' AND b.amount_tiyin > " + REFUND
            + " AND NOT EXISTS (SELECT 1 FROM booking n WHERE n.rescheduled_from = b.id)";

    /** Counts as revenue: completed visits, paid bookings the salon keeps (confirmed, no-show), kept cancellations. */
    public static final String REVENUE = "(b.status = 'COMPLETED' OR (b.paid AND b.status IN ('CONFIRMED', 'NO_SHOW'))"
            + " OR (" + KEPT_ON_CANCEL + "))";

    /** Revenue in tiyin: the amount, less the refund for a cancelled booking. */
    private static final String REVENUE_SUM = "coalesce(sum(b.amount_tiyin - CASE WHEN b.status = 'CANCELLED' THEN "
            + REFUND + " ELSE 0 END) FILTER (WHERE " + REVENUE + "), 0)::bigint";

    private static final String SALON_PERIOD = " FROM booking b WHERE b.salon_id = :salon AND b.deleted_at IS NULL"
            + " AND b.starts_at >= :from AND b.starts_at < :to";
    private static final String PLATFORM_PERIOD = " FROM booking b WHERE b.deleted_at IS NULL"
            + " AND b.starts_at >= :from AND b.starts_at < :to";

    public Uni<List<Object[]>> salonByStatus(UUID salon, Instant from, Instant to) {
        return rows("SELECT b.status, count(*), " + REVENUE_SUM + SALON_PERIOD + " GROUP BY b.status",
                Map.of("salon", salon, "from", from, "to", to));
    }

    public Uni<List<Object[]>> salonDaily(UUID salon, String zone, Instant from, Instant to) {
        return rows("SELECT to_char(b.starts_at AT TIME ZONE :zone, 'YYYY-MM-DD') AS day, count(*),"
                        + " count(*) FILTER (WHERE b.status = 'COMPLETED'),"
                        + " " + REVENUE_SUM
                        + SALON_PERIOD + " GROUP BY day ORDER BY day",
                Map.of("salon", salon, "zone", zone, "from", from, "to", to));
    }

    public Uni<List<Object[]>> topMasters(UUID salon, Instant from, Instant to, int limit) {
        return rows("SELECT b.master_id, m.name, count(*) FILTER (WHERE b.status = 'COMPLETED') AS done,"
                        + " " + REVENUE_SUM + " AS revenue"
                        + " FROM booking b JOIN master m ON m.id = b.master_id WHERE b.salon_id = :salon"
                        + " AND b.deleted_at IS NULL AND b.starts_at >= :from AND b.starts_at < :to"
                        + " GROUP BY b.master_id, m.name HAVING count(*) FILTER (WHERE " + REVENUE + ") > 0"
                        + " ORDER BY revenue DESC, done DESC, b.master_id LIMIT " + limit,
                Map.of("salon", salon, "from", from, "to", to));
    }

    public Uni<List<Object[]>> topServices(UUID salon, Instant from, Instant to, int limit) {
        return rows("SELECT b.service_id, s.name_ru, s.name_uz, s.name_en,"
                        + " count(*) FILTER (WHERE b.status = 'COMPLETED') AS done,"
                        + " " + REVENUE_SUM + " AS revenue"
                        + " FROM booking b JOIN salon_service s ON s.id = b.service_id WHERE b.salon_id = :salon"
                        + " AND b.deleted_at IS NULL AND b.starts_at >= :from AND b.starts_at < :to"
                        + " GROUP BY b.service_id, s.name_ru, s.name_uz, s.name_en"
                        + " HAVING count(*) FILTER (WHERE " + REVENUE + ") > 0"
                        + " ORDER BY revenue DESC, done DESC, b.service_id LIMIT " + limit,
                Map.of("salon", salon, "from", from, "to", to));
    }

    public Uni<List<Object[]>> platformByStatus(Instant from, Instant to) {
        return rows("SELECT b.status, count(*), " + REVENUE_SUM + PLATFORM_PERIOD + " GROUP BY b.status",
                Map.of("from", from, "to", to));
    }

    public Uni<List<Object[]>> salonsByStatus() {
        return rows("SELECT status, count(*) FROM salon WHERE deleted_at IS NULL GROUP BY status", Map.of());
    }

    /** Distinct clients with a booking, new reviews and their average, promo discounts given. */
    public Uni<Object[]> platformTotals(Instant from, Instant to) {
        return rows("SELECT (SELECT count(DISTINCT b.client_id)" + PLATFORM_PERIOD + "),"
                        + " (SELECT count(*) FROM review r WHERE r.deleted_at IS NULL AND NOT r.hidden"
                        + "   AND r.created_at >= :from AND r.created_at < :to),"
                        + " (SELECT coalesce(avg(r.rating), 0)::float8 FROM review r WHERE r.deleted_at IS NULL"
                        + "   AND NOT r.hidden AND r.created_at >= :from AND r.created_at < :to),"
                        + " (SELECT count(*) FROM promo_redemption p JOIN booking b ON b.id = p.booking_id"
                        + "   WHERE p.released_at IS NULL AND b.starts_at >= :from AND b.starts_at < :to),"
                        + " (SELECT coalesce(sum(p.discount_tiyin), 0)::bigint FROM promo_redemption p"
                        + "   JOIN booking b ON b.id = p.booking_id WHERE p.released_at IS NULL"
                        + "   AND b.starts_at >= :from AND b.starts_at < :to)",
                Map.of("from", from, "to", to)).map(list -> list.get(0));
    }

    public Uni<List<Object[]>> topSalons(Instant from, Instant to, int limit) {
        return rows("SELECT b.salon_id, s.name_en, count(*) FILTER (WHERE b.status = 'COMPLETED') AS done,"
                        + " " + REVENUE_SUM + " AS revenue"
                        + " FROM booking b JOIN salon s ON s.id = b.salon_id WHERE b.deleted_at IS NULL"
                        + " AND b.starts_at >= :from AND b.starts_at < :to GROUP BY b.salon_id, s.name_en"
                        + " HAVING count(*) FILTER (WHERE " + REVENUE + ") > 0"
                        + " ORDER BY revenue DESC, done DESC, b.salon_id LIMIT " + limit,
                Map.of("from", from, "to", to));
    }

    @SuppressWarnings("unchecked")
    private Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.getResultList().map(list -> ((List<Object>) list).stream()
                    .map(row -> row instanceof Object[] array ? array : new Object[] {row}).toList());
        });
    }
}
