package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import uz.aurelle.common.error.ApiException;

/** Owner statistics per salon and admin platform statistics over a period of local dates. */
@ApplicationScoped
public class StatsService {

    private final SalonManagementService salons;

    public StatsService(SalonManagementService salons) {
        this.salons = salons;
    }

    public record Top(UUID id, String name, long completed, long revenue) {
    }

    public record SalonStats(UUID salonId, LocalDate from, LocalDate to, Map<String, Long> bookingsByStatus,
                             long revenue, String currency, double noShowRate, List<Top> topMasters,
                             List<Top> topServices) {
    }

    public record PlatformStats(LocalDate from, LocalDate to, Map<String, Long> salonsByStatus,
                                Map<String, Long> bookingsByStatus, long revenue, String currency) {
    }

    @WithSession
    public Uni<SalonStats> salon(Actor actor, UUID salonId, LocalDate from, LocalDate to) {
        check(from, to);
        return salons.owned(actor, salonId).chain(salon -> Panache.getSession().chain(s -> {
            ZoneId zone = salon.zone();
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            String period = " FROM booking b WHERE b.salon_id = :salon AND b.starts_at >= :from AND b.starts_at < :to";
            return counts(s, "SELECT b.status, count(*)" + period + " GROUP BY b.status", salonId, start, end)
                    .chain(byStatus -> top(s, "SELECT m.id, m.name, count(*), sum(b.amount_tiyin) FROM booking b"
                            + " JOIN master m ON m.id = b.master_id WHERE b.salon_id = :salon AND b.starts_at >= :from"
                            + " AND b.starts_at < :to AND b.status = 'COMPLETED' GROUP BY m.id, m.name"
                            + " ORDER BY count(*) DESC, m.id LIMIT 5", salonId, start, end)
                            .chain(masters -> top(s, "SELECT v.id, v.name_ru, count(*), sum(b.amount_tiyin) FROM booking b"
                                    + " JOIN salon_service v ON v.id = b.service_id WHERE b.salon_id = :salon AND"
                                    + " b.starts_at >= :from AND b.starts_at < :to AND b.status = 'COMPLETED'"
                                    + " GROUP BY v.id, v.name_ru ORDER BY count(*) DESC, v.id LIMIT 5", salonId, start, end)
                                    .map(services -> {
                                        long completed = byStatus.getOrDefault("COMPLETED", 0L);
                                        long noShow = byStatus.getOrDefault("NO_SHOW", 0L);
                                        long revenue = masters.stream().mapToLong(Top::revenue).sum();
                                        double rate = completed + noShow == 0 ? 0
                                                : Math.round(10_000.0 * noShow / (completed + noShow)) / 10_000.0;
                                        return new SalonStats(salonId, from, to, byStatus, revenue, "UZS", rate,
                                                masters, services);
                                    })));
        }));
    }

    /** Platform-wide figures; the period is read in Tashkent time. */
    @WithSession
    public Uni<PlatformStats> platform(LocalDate from, LocalDate to) {
        check(from, to);
        ZoneId zone = ZoneId.of("Asia/Tashkent");
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return Panache.getSession().chain(s -> counts(s, "SELECT status, count(*) FROM salon WHERE deleted_at IS NULL"
                        + " GROUP BY status", null, null, null)
                .chain(salonsByStatus -> counts(s, "SELECT status, count(*) FROM booking WHERE starts_at >= :from"
                        + " AND starts_at < :to GROUP BY status", null, start, end)
                        .chain(bookingsByStatus -> s.createNativeQuery("SELECT coalesce(sum(amount_tiyin), 0) FROM"
                                        + " booking WHERE status = 'COMPLETED' AND starts_at >= :from AND starts_at < :to")
                                .setParameter("from", start).setParameter("to", end).getSingleResult()
                                .map(revenue -> new PlatformStats(from, to, salonsByStatus, bookingsByStatus,
                                        ((Number) revenue).longValue(), "UZS")))));
    }

    private static Uni<Map<String, Long>> counts(Mutiny.Session s, String sql, UUID salonId, Instant from, Instant to) {
        var query = s.createNativeQuery(sql);
        if (salonId != null) {
            query.setParameter("salon", salonId);
        }
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        return query.getResultList().map(rows -> {
            Map<String, Long> result = new LinkedHashMap<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                result.put((String) r[0], ((Number) r[1]).longValue());
            }
            return result;
        });
    }

    private static Uni<List<Top>> top(Mutiny.Session s, String sql, UUID salonId, Instant from, Instant to) {
        return s.createNativeQuery(sql).setParameter("salon", salonId).setParameter("from", from)
                .setParameter("to", to).getResultList()
                .map(rows -> rows.stream().map(row -> {
                    Object[] r = (Object[]) row;
                    return new Top((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(),
                            ((Number) r[3]).longValue());
                }).toList());
    }

    private static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw ApiException.badRequest("invalid_date_range", "'to' must not precede 'from'; at most a year.");
        }
    }
}
