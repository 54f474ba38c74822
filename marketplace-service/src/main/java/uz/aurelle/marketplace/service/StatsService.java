package uz.aurelle.marketplace.service;

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
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.BookingStatus;
import uz.aurelle.marketplace.SalonStatus;
import uz.aurelle.marketplace.repository.SalonRepository;
import uz.aurelle.marketplace.repository.StatsRepository;

/** Owner statistics for one salon and platform statistics for admins, over an inclusive date range. */
@ApplicationScoped
public class StatsService {

    static final int MAX_DAYS = 366;
    private static final int TOP = 5;
    private static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Tashkent");

    private final StatsRepository stats;
    private final SalonRepository salons;

    public StatsService(StatsRepository stats, SalonRepository salons) {
        this.stats = stats;
        this.salons = salons;
    }

    public record Day(String date, long bookings, long completed, long revenue) {
    }

    public record Top(UUID id, String name, long completed, long revenue) {
    }

    public record SalonStats(UUID salonId, LocalDate from, LocalDate to, String timeZone, long bookings,
                             Map<String, Long> bookingsByStatus, long revenue, String currency, double noShowRate,
                             List<Day> daily, List<Top> topMasters, List<Top> topServices) {
    }

    public record PlatformStats(LocalDate from, LocalDate to, Map<String, Long> salonsByStatus, long bookings,
                                Map<String, Long> bookingsByStatus, long revenue, String currency,
                                double noShowRate, long activeClients, long newReviews, double newReviewsAvgRating,
                                long promoRedemptions, long promoDiscount, List<Top> topSalons) {
    }

    /** Only the salon's owner (or an admin); another owner's salon looks absent. */
    @WithSession
    public Uni<SalonStats> salon(Actor actor, UUID salonId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return salons.findById(salonId).chain(salon -> {
            if (salon == null || !(actor.admin() || salon.ownerId.equals(actor.userId()))) {
                throw SalonManagementService.salonNotFound();
            }
            ZoneId zone = salon.zone();
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            return stats.salonByStatus(salonId, start, end).chain(byStatus -> stats
                    .salonDaily(salonId, salon.timeZone, start, end).chain(daily -> stats
                            .topMasters(salonId, start, end, TOP).chain(masters -> stats
                                    .topServices(salonId, start, end, TOP).map(services -> {
                                        Map<String, Long> counts = statusCounts(byStatus);
                                        return new SalonStats(salonId, from, to, salon.timeZone, total(counts),
                                                counts, revenue(byStatus), "UZS", noShowRate(counts),
                                                daily.stream().map(r -> new Day((String) r[0], num(r[1]), num(r[2]),
                                                        num(r[3]))).toList(),
                                                masters.stream().map(r -> new Top((UUID) r[0], (String) r[1],
                                                        num(r[2]), num(r[3]))).toList(),
                                                services.stream().map(r -> new Top((UUID) r[0], (String) r[1],
                                                        num(r[4]), num(r[5]))).toList());
                                    }))));
        });
    }

    /** Platform-wide numbers; the period is read in Tashkent time. */
    @WithSession
    public Uni<PlatformStats> platform(LocalDate from, LocalDate to) {
        checkRange(from, to);
        Instant start = from.atStartOfDay(PLATFORM_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(PLATFORM_ZONE).toInstant();
        return stats.salonsByStatus().chain(salonRows -> stats.platformByStatus(start, end).chain(byStatus -> stats
                .platformTotals(start, end).chain(totals -> stats.topSalons(start, end, TOP).map(top -> {
                    Map<String, Long> salonCounts = new LinkedHashMap<>();
                    for (SalonStatus status : SalonStatus.values()) {
                        salonCounts.put(status.name(), 0L);
                    }
                    salonRows.forEach(r -> salonCounts.put((String) r[0], num(r[1])));
                    Map<String, Long> counts = statusCounts(byStatus);
                    return new PlatformStats(from, to, salonCounts, total(counts), counts, revenue(byStatus), "UZS",
                            noShowRate(counts), num(totals[0]), num(totals[1]), ((Number) totals[2]).doubleValue(),
                            num(totals[3]), num(totals[4]),
                            top.stream().map(r -> new Top((UUID) r[0], (String) r[1], num(r[2]), num(r[3]))).toList());
                }))));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("invalid_date_range", "'to' must be on or after 'from', at most {0} days.",
                    MAX_DAYS);
        }
    }

    private static Map<String, Long> statusCounts(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (BookingStatus status : BookingStatus.values()) {
            counts.put(status.name(), 0L);
        }
        rows.forEach(r -> counts.put((String) r[0], num(r[1])));
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long revenue(List<Object[]> byStatus) {
        return byStatus.stream().mapToLong(r -> num(r[2])).sum();
    }

    /** No-shows among visits that were due (completed + no-show), to four decimals; 0 when none were. */
    private static double noShowRate(Map<String, Long> counts) {
        long noShow = counts.get(BookingStatus.NO_SHOW.name());
        long due = noShow + counts.get(BookingStatus.COMPLETED.name());
        return due == 0 ? 0 : Math.round(10_000.0 * noShow / due) / 10_000.0;
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
