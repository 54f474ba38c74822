package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.MasterBreak;
import uz.aurelle.marketplace.MasterDateOverride;
import uz.aurelle.marketplace.MasterOffer;
import uz.aurelle.marketplace.MasterWorkingHours;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.SalonClosure;
import uz.aurelle.marketplace.config.MarketplaceConfig;
import uz.aurelle.marketplace.repository.BeautyServiceRepository;
import uz.aurelle.marketplace.repository.BookingRepository;
import uz.aurelle.marketplace.repository.MasterOfferRepository;
import uz.aurelle.marketplace.repository.SalonRepository;
import uz.aurelle.marketplace.repository.ScheduleRepository;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Buffers;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Interval;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.MasterSchedule;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Policy;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Slot;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.TimeWindow;

/** Loads what the {@link AvailabilityEngine} needs from the database; used by reads and by booking writes. */
@ApplicationScoped
public class AvailabilityService {

    private final SalonRepository salons;
    private final BeautyServiceRepository services;
    private final MasterOfferRepository offers;
    private final ScheduleRepository schedules;
    private final BookingRepository bookings;
    private final MarketplaceConfig config;

    public AvailabilityService(SalonRepository salons, BeautyServiceRepository services, MasterOfferRepository offers,
                               ScheduleRepository schedules, BookingRepository bookings, MarketplaceConfig config) {
        this.salons = salons;
        this.services = services;
        this.offers = offers;
        this.schedules = schedules;
        this.bookings = bookings;
        this.config = config;
    }

    /** Everything needed to answer availability questions for one service over a date range. */
    public record Context(Salon salon, BeautyService service, Map<UUID, MasterOffer> offers, Policy policy,
                          List<Interval> closures, Map<UUID, MasterSchedule> schedules) {

        public Buffers buffers() {
            return new Buffers(service.bufferBeforeMinutes, service.bufferAfterMinutes);
        }

        public List<Slot> freeSlots(LocalDate from, LocalDate to, Instant now) {
            List<Slot> all = new ArrayList<>();
            for (MasterSchedule schedule : schedules.values()) {
                all.addAll(AvailabilityEngine.freeSlots(policy, closures, schedule, buffers(), from, to, now));
            }
            all.sort((a, b) -> a.start().equals(b.start()) ? a.masterId().compareTo(b.masterId())
                    : a.start().compareTo(b.start()));
            return all;
        }
    }

    public record SlotView(java.time.OffsetDateTime startsAt, java.time.OffsetDateTime endsAt, UUID masterId) {
    }

    public record SlotsResponse(UUID salonId, UUID serviceId, String timeZone, LocalDate from, LocalDate to,
                                List<SlotView> slots) {
    }

    @WithSession
    public Uni<SlotsResponse> freeSlots(UUID salonId, UUID serviceId, UUID masterId, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ApiException.badRequest("invalid_date_range", "Both 'from' and 'to' dates are required.");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= config.maxSlotRangeDays()) {
            throw ApiException.badRequest("invalid_date_range",
                    "The date range must be ascending and at most {0} days long.", config.maxSlotRangeDays())
                    .with("maxDays", config.maxSlotRangeDays());
        }
        Instant now = Instant.now();
        return publicService(salonId, serviceId)
                .chain(found -> load(found.salon(), found.service(), masterId, from, to, now))
                .map(ctx -> new SlotsResponse(ctx.salon().id, ctx.service().id, ctx.salon().timeZone, from, to,
                        views(ctx, ctx.freeSlots(from, to, now))));
    }

    public static List<SlotView> views(Context ctx, List<Slot> slots) {
        return slots.stream().map(s -> new SlotView(s.start().atZone(ctx.policy().zone()).toOffsetDateTime(),
                s.end().atZone(ctx.policy().zone()).toOffsetDateTime(), s.masterId())).toList();
    }

    record SalonAndService(Salon salon, BeautyService service) {
    }

    private Uni<SalonAndService> publicService(UUID salonId, UUID serviceId) {
        return salons.findLive(salonId).chain(salon -> {
            if (salon == null || !salon.bookable()) {
                throw ApiException.notFound("salon_not_found", "No active salon with this id.");
            }
            return services.findLive(serviceId).map(service -> {
                if (service == null || !service.salonId.equals(salon.id)) {
                    throw ApiException.notFound("service_not_found", "The salon has no such service.");
                }
                return new SalonAndService(salon, service);
            });
        });
    }

    /**
     * Loads the schedules of the masters doing {@code service} (only {@code masterId} if given) for the
     * local dates {@code [from, to]}. Must run inside a session; used by the booking write path too.
     */
    public Uni<Context> load(Salon salon, BeautyService service, UUID masterId, LocalDate from, LocalDate to,
                             Instant now) {
        return offers.findForService(service.id).chain(found -> {
            Map<UUID, MasterOffer> byMaster = new java.util.LinkedHashMap<>();
            for (MasterOffer offer : found) {
                if (masterId == null || masterId.equals(offer.masterId)) {
                    byMaster.put(offer.masterId, offer);
                }
            }
            if (masterId != null && byMaster.isEmpty()) {
                throw ApiException.unprocessable("master_not_offering_service",
                        "This master does not perform the service.");
            }
            Policy policy = new Policy(salon.zone(), salon.slotIntervalMinutes, salon.minNoticeMinutes,
                    salon.horizonDays);
            if (byMaster.isEmpty()) {
                return Uni.createFrom().item(new Context(salon, service, byMaster, policy, List.of(), Map.of()));
            }
            // Widen the loaded span by a day each side: overnight shifts and buffers cross midnight.
            Instant spanFrom = from.minusDays(1).atStartOfDay(policy.zone()).toInstant();
            Instant spanTo = to.plusDays(2).atStartOfDay(policy.zone()).toInstant();
            var ids = byMaster.keySet();
            return schedules.hours(ids).chain(hours -> schedules.breaks(ids).chain(breaks -> schedules
                    .overrides(ids, from.minusDays(1), to).chain(overrides -> schedules
                            .closures(salon.id, spanFrom, spanTo).chain(closures -> bookings
                                    .findBlocking(ids, spanFrom, spanTo, now).map(busy -> assemble(salon, service,
                                            byMaster, policy, hours, breaks, overrides, closures, busy))))));
        });
    }

    private static Context assemble(Salon salon, BeautyService service, Map<UUID, MasterOffer> offers, Policy policy,
                                    List<MasterWorkingHours> hours, List<MasterBreak> breaks,
                                    List<MasterDateOverride> overrides, List<SalonClosure> closures,
                                    List<Booking> busy) {
        Map<UUID, MasterSchedule> schedules = new java.util.LinkedHashMap<>();
        for (MasterOffer offer : offers.values()) {
            UUID id = offer.masterId;
            Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
            hours.stream().filter(h -> h.masterId.equals(id)).forEach(h -> weekly
                    .computeIfAbsent(DayOfWeek.of(h.dayOfWeek), d -> new ArrayList<>())
                    .add(new TimeWindow(h.startsAt, h.endsAt)));
            Map<DayOfWeek, List<TimeWindow>> pauses = new HashMap<>();
            breaks.stream().filter(b -> b.masterId.equals(id)).forEach(b -> pauses
                    .computeIfAbsent(DayOfWeek.of(b.dayOfWeek), d -> new ArrayList<>())
                    .add(new TimeWindow(b.startsAt, b.endsAt)));
            Map<LocalDate, Optional<TimeWindow>> byDate = new HashMap<>();
            overrides.stream().filter(o -> o.masterId.equals(id)).forEach(o -> byDate.put(o.day,
                    o.startsAt == null ? Optional.empty() : Optional.of(new TimeWindow(o.startsAt, o.endsAt))));
            List<Interval> occupied = busy.stream().filter(b -> b.masterId.equals(id))
                    .map(b -> new Interval(b.occupiedFrom, b.occupiedTo)).toList();
            schedules.put(id, new MasterSchedule(id, offer.duration(service), weekly, pauses, byDate, occupied));
        }
        List<Interval> closed = closures.stream().map(c -> new Interval(c.startsAt, c.endsAt)).toList();
        return new Context(salon, service, offers, policy, closed, schedules);
    }
}
