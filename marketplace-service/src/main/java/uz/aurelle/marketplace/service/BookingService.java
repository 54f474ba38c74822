package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.JDBCException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.BookingStatus;
import uz.aurelle.marketplace.BookingStatusChange;
import uz.aurelle.marketplace.MasterOffer;
import uz.aurelle.marketplace.RefundRequest;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.repository.BeautyServiceRepository;
import uz.aurelle.marketplace.repository.BookingHistoryRepository;
import uz.aurelle.marketplace.repository.BookingRepository;
import uz.aurelle.marketplace.repository.MasterRepository;
import uz.aurelle.marketplace.repository.RefundRequestRepository;
import uz.aurelle.marketplace.repository.SalonRepository;
import uz.aurelle.marketplace.service.AvailabilityService.Context;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.MasterSchedule;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Verdict;

/**
 * Booking writes: placing a booking (re-validated with the availability engine, races decided by the
 * database exclusion constraint) and the status machine with compare-and-set transitions.
 */
@ApplicationScoped
public class BookingService {

    private static final String EXCLUSION_VIOLATION = "23P01";
    /** PostgreSQL's uuid order (the canonical text compares like its bytes); java.util.UUID's is signed. */
    private static final Comparator<Booking> BY_ID = Comparator.comparing(b -> b.id.toString());
    private static final int ANY_MASTER_ATTEMPTS = 3;
    static final String REFUND_PENDING = "PENDING";
    static final String REFUND_DONE = "REFUNDED";
    private static final String SALON_DELETED = "AUS04";
    private static final String MASTER_DELETED = "AUM04";

    private final BookingRepository bookings;
    private final BookingHistoryRepository history;
    private final SalonRepository salons;
    private final BeautyServiceRepository services;
    private final MasterRepository masters;
    private final RefundRequestRepository refunds;
    private final AvailabilityService availability;
    private final AuditLog audit;
    private final PromoCodeService promos;

    public BookingService(BookingRepository bookings, BookingHistoryRepository history, SalonRepository salons,
                          BeautyServiceRepository services, MasterRepository masters,
                          RefundRequestRepository refunds, AvailabilityService availability, AuditLog audit,
                          PromoCodeService promos) {
        this.audit = audit;
        this.bookings = bookings;
        this.history = history;
        this.salons = salons;
        this.services = services;
        this.masters = masters;
        this.refunds = refunds;
        this.availability = availability;
        this.promos = promos;
    }

    public record PlaceBooking(UUID serviceId, UUID masterId, OffsetDateTime startsAt, String comment,
                               String promoCode) {

        public PlaceBooking(UUID serviceId, UUID masterId, OffsetDateTime startsAt, String comment) {
            this(serviceId, masterId, startsAt, comment, null);
        }
    }

    /** What a rescheduled booking carries over from the one it replaces, and its refund cap. */
    private record Carry(Booking from, Integer refundCap) {
    }

    /**
     * With "any master", an insert that loses the race to a concurrent booking (23P01) voids the transaction;
     * the placement is then run again in a new one, which sees the winner and takes the next free master.
     * Bounded: after {@value #ANY_MASTER_ATTEMPTS} attempts the last 409 {@code slot_taken} stands.
     */
    public Uni<Booking> create(Actor client, PlaceBooking request) {
        return createAttempt(client, request, ANY_MASTER_ATTEMPTS);
    }

    private Uni<Booking> createAttempt(Actor client, PlaceBooking request, int attemptsLeft) {
        return Panache.withTransaction(() -> place(client, request, null))
                .onFailure(LostRace.class).recoverWithUni(lost -> attemptsLeft > 1
                        ? createAttempt(client, request, attemptsLeft - 1)
                        : Uni.createFrom().failure(((LostRace) lost).answer));
    }

    /** An "any master" insert lost to a concurrent booking; {@code answer} is the 409 if no retry is left. */
    private static final class LostRace extends RuntimeException {
        private final ApiException answer;

        LostRace(ApiException answer) {
            super(answer.getMessage(), null, false, false);
            this.answer = answer;
        }
    }

    private Uni<Booking> place(Actor client, PlaceBooking request, Carry carry) {
        UUID clientId = client.userId();
        Instant now = Instant.now();
        Instant start = request.startsAt().toInstant();
        return services.findLive(request.serviceId()).chain(service -> {
            if (service == null) {
                throw ApiException.notFound("service_not_found", "No such service.");
            }
            return salons.findLive(service.salonId).chain(salon -> {
                if (salon == null || !salon.bookable()) {
                    throw ApiException.unprocessable("salon_not_bookable",
                            "The salon is not accepting bookings (not approved or suspended).");
                }
                LocalDate date = start.atZone(salon.zone()).toLocalDate();
                return availability.load(salon, service, request.masterId(), date, date, now)
                        .chain(ctx -> placeChecked(clientId, client, request, carry, salon, service, ctx, start,
                                date, now));
            });
        });
    }

    private Uni<Booking> placeChecked(UUID clientId, Actor client, PlaceBooking request, Carry carry, Salon salon,
                                      BeautyService service, Context ctx, Instant start, LocalDate date,
                                      Instant now) {
        if (ctx.schedules().isEmpty()) {
            throw ApiException.unprocessable("master_not_offering_service", "No master performs this service.");
        }
        UUID chosen = null;
        List<Verdict> verdicts = new ArrayList<>();
        for (MasterSchedule schedule : ctx.schedules().values()) {
            Verdict verdict = AvailabilityEngine.check(ctx.policy(), ctx.closures(), schedule, ctx.buffers(),
                    start, now);
            if (verdict == Verdict.FREE) {
                chosen = schedule.masterId();
                break;
            }
            verdicts.add(verdict);
        }
        if (chosen == null) {
            throw verdicts.contains(Verdict.TAKEN) ? slotTaken(ctx, date, now) : refused(verdicts.get(0));
        }
        MasterOffer offer = ctx.offers().get(chosen);
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.clientId = clientId;
        booking.salonId = salon.id;
        booking.serviceId = service.id;
        booking.masterId = chosen;
        booking.startsAt = start;
        booking.endsAt = start.plus(Duration.ofMinutes(offer.duration(service)));
        booking.occupiedFrom = booking.startsAt.minus(Duration.ofMinutes(service.bufferBeforeMinutes));
        booking.occupiedTo = booking.endsAt.plus(Duration.ofMinutes(service.bufferAfterMinutes));
        booking.timeZone = salon.timeZone;
        booking.serviceTitle = service.nameRu;
        booking.ikpuCode = service.ikpuCode;
        booking.packageCode = service.packageCode;
        booking.vatPercent = service.vatPercent;
        booking.currency = "UZS";
        booking.prepaymentRequired = salon.prepaymentRequired;
        booking.comment = request.comment();
        booking.createdAt = now;
        booking.updatedAt = now;
        if (carry == null) {
            booking.priceTiyin = offer.price(service);
            booking.discountTiyin = 0;
            booking.amountTiyin = booking.priceTiyin;
        } else {
            // A reschedule keeps the agreed price and any payment already made.
            Booking old = carry.from();
            booking.priceTiyin = old.priceTiyin;
            booking.discountTiyin = old.discountTiyin;
            booking.amountTiyin = old.amountTiyin;
            booking.promoCodeId = old.promoCodeId;
            booking.paid = old.paid;
            booking.paidAt = old.paidAt;
            booking.paymentId = old.paymentId;
            booking.paymentProvider = old.paymentProvider;
            booking.rescheduledFrom = old.id;
            booking.refundCapPercent = carry.refundCap();
        }
        boolean withPromo = carry == null && request.promoCode() != null && !request.promoCode().isBlank();
        String reason = carry == null ? null : "rescheduled from " + carry.from().id;
        // A lapsed hold still satisfies the exclusion constraint until the job runs: expire it here first,
        // and only then redeem (booking rows before promo-code rows, see expireAll).
        return bookings.findLapsedHolds(Set.of(chosen), booking.occupiedFrom, booking.occupiedTo, now)
                .chain(lapsed -> expireAll(lapsed, withPromo ? request.promoCode() : null, salon.id, now))
                .chain(() -> withPromo ? promos.redeem(request.promoCode(), booking, now)
                        : Uni.createFrom().voidItem())
                .chain(() -> {
                    // Decided after the discount: a booking discounted to zero needs no prepayment.
                    if (salon.prepaymentRequired && !booking.paid && booking.amountTiyin > 0) {
                        booking.status = BookingStatus.PENDING_PAYMENT;
                        booking.holdExpiresAt = now.plus(Duration.ofMinutes(salon.holdMinutes));
                    } else {
                        booking.status = BookingStatus.CONFIRMED;
                    }
                    return bookings.persist(booking);
                })
                .chain(() -> record(booking.id, null, booking.status, client, reason, now))
                .chain(() -> bookings.flush())
                .chain(() -> withPromo ? promos.recordRedemption(booking, now) : Uni.createFrom().voidItem())
                .replaceWith(booking)
                .onFailure(BookingService::isExclusionViolation)
                .transform(e -> {
                    ApiException taken = slotTaken(ctx, date, now, booking.startsAt, booking.masterId);
                    return carry == null && request.masterId() == null ? new LostRace(taken) : taken;
                })
                .onFailure(e -> SqlStates.has(e, SALON_DELETED) || SqlStates.has(e, MASTER_DELETED))
                .transform(BookingService::deletedMeanwhile);
    }

    /** V41's insert trigger: the salon or master was deleted after this transaction read it. */
    private static ApiException deletedMeanwhile(Throwable failure) {
        return SqlStates.has(failure, SALON_DELETED)
                ? ApiException.unprocessable("salon_not_bookable", "The salon is not accepting bookings.")
                : ApiException.unprocessable("master_not_offering_service", "The master no longer works here.");
    }

    /**
     * Expires lapsed holds and gives their promo-code uses back; with {@code wantedCode} it also locks the
     * code a new booking is about to redeem. Losing the compare-and-set here is fine: the job or a
     * concurrent booking expired (or a payment confirmed or a provider extended) the hold first, and the
     * exclusion constraint still decides.
     * <p>
     * Lock order, wherever a transaction changes both: booking rows first, in id order, then promo-code
     * rows, in id order and in one statement. Cancellation follows it naturally (its booking, then its
     * code). Interleaving them (a code locked before a hold is expired, or one hold's code before the
     * next hold) let a concurrent cancel or sweep of the same holds deadlock with us (40P01, a 500).
     */
    private Uni<Void> expireAll(List<Booking> lapsed, String wantedCode, UUID salonId, Instant now) {
        List<Booking> expired = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Booking b : lapsed.stream().sorted(BY_ID).toList()) {
            chain = chain.chain(() -> bookings.expireIfLapsed(b.id, now))
                    .chain(changed -> {
                        if (!changed) {
                            return Uni.createFrom().voidItem();
                        }
                        expired.add(b);
                        return record(b.id, BookingStatus.PENDING_PAYMENT, BookingStatus.EXPIRED, Actor.SYSTEM,
                                "hold expired", now);
                    });
        }
        return chain.chain(() -> promos.lockCodes(expired, wantedCode, salonId))
                .chain(() -> {
                    Uni<Void> releases = Uni.createFrom().voidItem();
                    for (Booking b : expired) {
                        releases = releases.chain(() -> promos.releaseIfUnpaid(b, now));
                    }
                    return releases;
                });
    }

    /** Moves unpaid bookings with lapsed holds to EXPIRED; returns how many. */
    @WithTransaction
    public Uni<Integer> expireLapsedHolds(int limit) {
        Instant now = Instant.now();
        return bookings.findAllLapsedHolds(now, limit).chain(lapsed -> expireAll(lapsed, null, null, now)
                .replaceWith(lapsed.size()));
    }

    static boolean isExclusionViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof JDBCException jdbc && EXCLUSION_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static ApiException slotTaken(Context ctx, LocalDate date, Instant now) {
        return slotTaken(ctx, date, now, null, null);
    }

    private static ApiException slotTaken(Context ctx, LocalDate date, Instant now, Instant lostStart,
                                          UUID lostMaster) {
        var fresh = ctx.freeSlots(date, date, now).stream()
                .filter(s -> !(s.start().equals(lostStart) && s.masterId().equals(lostMaster))).toList();
        return ApiException.conflict("slot_taken", "This time has just been taken; pick another slot.")
                .with("slots", AvailabilityService.views(ctx, fresh));
    }

    private static ApiException refused(Verdict verdict) {
        return switch (verdict) {
            case IN_PAST -> ApiException.unprocessable("slot_in_past", "The requested start is in the past.");
            case TOO_SHORT_NOTICE -> ApiException.unprocessable("slot_too_soon",
                    "The salon needs more notice before this start.");
            case BEYOND_HORIZON -> ApiException.unprocessable("slot_beyond_horizon",
                    "The salon does not take bookings that far ahead.");
            default -> ApiException.unprocessable("slot_unavailable",
                    "The master does not work at the requested time.").with("reason", verdict.name());
        };
    }

    // ---- transitions -------------------------------------------------------------------------------

    @WithTransaction
    public Uni<Booking> cancel(UUID bookingId, Actor actor, String reason) {
        Instant now = Instant.now();
        return lockWithSalon(bookingId).chain(bs -> {
            Booking booking = bs.booking();
            Salon salon = bs.salon();
            boolean asClient = booking.clientId.equals(actor.userId());
            boolean asSalon = !asClient && (actor.admin() || salon.ownerId.equals(actor.userId()));
            if (!asClient && !asSalon) {
                throw notFound();
            }
            requireActive(booking, BookingStatus.CANCELLED);
            if (!booking.startsAt.isAfter(now)) {
                throw ApiException.conflict("booking_already_started",
                        "The booking has started; mark it completed or no-show instead.");
            }
            if (asSalon && (reason == null || reason.isBlank())) {
                throw ApiException.badRequest("reason_required", "A salon must give a reason to cancel.");
            }
            if (asClient) {
                requireClientWindow(booking, salon, now);
            }
            int percent = asSalon ? 100 : clientRefundPercent(booking, salon, now);
            String why = reason == null || reason.isBlank() ? "cancelled by client" : reason.trim();
            return transition(booking, BookingStatus.CANCELLED, actor, why, now)
                    .call(b -> promos.releaseIfUnpaid(b, now))
                    .chain(b -> refundIfPaid(b, percent, why, now))
                    .call(b -> audit.record(AuditEvent.of("booking.cancelled")
                            .actor(actor.has(Actor.SERVICE) ? AuditEvent.ActorType.SERVICE : AuditEvent.ActorType.USER,
                                    actor.subject())
                            .target("booking", b.id)
                            .detail("by", asClient ? "CLIENT" : "SALON").detail("paid", b.paid)
                            .detail("refundPercent", b.paid ? percent : 0)));
        });
    }

    @WithTransaction
    public Uni<Booking> complete(UUID bookingId, Actor actor) {
        return finish(bookingId, actor, BookingStatus.COMPLETED);
    }

    @WithTransaction
    public Uni<Booking> noShow(UUID bookingId, Actor actor) {
        return finish(bookingId, actor, BookingStatus.NO_SHOW);
    }

    private Uni<Booking> finish(UUID bookingId, Actor actor, BookingStatus target) {
        Instant now = Instant.now();
        return lockWithSalon(bookingId).chain(bs -> isSalonStaff(bs, actor).chain(staff -> {
            if (!staff) {
                throw notFound();
            }
            Booking booking = bs.booking();
            if (booking.status != BookingStatus.CONFIRMED) {
                throw invalidTransition(booking.status, target);
            }
            if (booking.startsAt.isAfter(now)) {
                throw ApiException.conflict("booking_not_started",
                        "A booking can be completed or marked no-show only after it starts.");
            }
            return transition(booking, target, actor, null, now);
        }));
    }

    /** Reschedule = cancel the old booking and place a linked new one, in one transaction. */
    @WithTransaction
    public Uni<Booking> reschedule(UUID bookingId, Actor actor, OffsetDateTime startsAt, UUID masterId) {
        Instant now = Instant.now();
        return lockWithSalon(bookingId).chain(bs -> {
            Booking old = bs.booking();
            if (!old.clientId.equals(actor.userId())) {
                throw notFound();
            }
            requireActive(old, BookingStatus.CANCELLED);
            requireClientWindow(old, bs.salon(), now);
            // Moving a paid booking freezes the refund it would get now: later it can only get less.
            Integer refundCap = old.paid ? Integer.valueOf(clientRefundPercent(old, bs.salon(), now))
                    : old.refundCapPercent;
            return transition(old, BookingStatus.CANCELLED, actor, "rescheduled", now)
                    .chain(cancelled -> place(actor, new PlaceBooking(old.serviceId,
                            masterId != null ? masterId : old.masterId, startsAt, old.comment),
                            new Carry(old, refundCap)))
                    .call(placed -> promos.transfer(old, placed));
        });
    }

    /** The salon's tier for cancelling now, capped by the tier in force when the paid booking was moved. */
    private static int clientRefundPercent(Booking booking, Salon salon, Instant now) {
        int tier = RefundPolicy.parse(salon.refundTiers).percentFor(Duration.between(now, booking.startsAt));
        return booking.refundCapPercent == null ? tier : Math.min(tier, booking.refundCapPercent);
    }

    private Uni<Booking> refundIfPaid(Booking booking, int percent, String reason, Instant now) {
        long amount = booking.amountTiyin * percent / 100;
        if (!booking.paid || amount == 0) {
            return Uni.createFrom().item(booking);
        }
        return requestRefund(booking, amount, percent, reason, now).replaceWith(booking);
    }

    /** A refund decision for payments-service, naming the payment to give (part of) back. */
    Uni<Void> requestRefund(Booking booking, long amount, int percent, String reason, Instant now) {
        RefundRequest refund = new RefundRequest();
        refund.id = UUID.randomUUID();
        refund.bookingId = booking.id;
        refund.amountTiyin = amount;
        refund.percent = percent;
        refund.reason = reason;
        refund.status = "PENDING";
        refund.paymentId = booking.paymentId;
        refund.createdAt = now;
        refund.updatedAt = now;
        booking.refundTiyin = amount;
        booking.refundStatus = REFUND_PENDING;
        return bookings.chainStart(booking.id).chain(first -> {
            refund.originalBookingId = first;
            return refunds.persist(refund);
        }).replaceWithVoid();
    }

    /** Compare-and-set on the status column; a concurrent change makes it fail with 409. */
    Uni<Booking> transition(Booking booking, BookingStatus target, Actor actor, String reason, Instant now) {
        BookingStatus from = booking.status;
        String cancelReason = target == BookingStatus.CANCELLED ? reason : null;
        return bookings.flush()
                .chain(() -> bookings.compareAndSetStatus(booking.id, from, target, cancelReason, now))
                .chain(changed -> {
                    if (!changed) {
                        throw ApiException.conflict("booking_state_conflict",
                                "The booking changed meanwhile; reload it and try again.");
                    }
                    // Mirror what the UPDATE wrote (a refresh of this instance is deprecated in Hibernate).
                    booking.status = target;
                    booking.updatedAt = now;
                    if (cancelReason != null) {
                        booking.cancelReason = cancelReason;
                    }
                    return record(booking.id, from, target, actor, reason, now);
                })
                .replaceWith(booking);
    }

    Uni<Void> record(UUID bookingId, BookingStatus from, BookingStatus to, Actor actor, String reason, Instant now) {
        BookingStatusChange change = new BookingStatusChange();
        change.bookingId = bookingId;
        change.fromStatus = from;
        change.toStatus = to;
        change.actor = actor.subject();
        change.actorRole = primaryRole(actor);
        change.reason = reason;
        change.createdAt = now;
        return history.persist(change).replaceWithVoid();
    }

    private static String primaryRole(Actor actor) {
        for (String role : List.of(Actor.ADMIN, Actor.SERVICE, Actor.OWNER, Actor.MASTER, Actor.CLIENT)) {
            if (actor.has(role)) {
                return role;
            }
        }
        return actor.roles().stream().findFirst().orElse("UNKNOWN");
    }

    private static void requireActive(Booking booking, BookingStatus target) {
        if (booking.status.finished()) {
            throw invalidTransition(booking.status, target);
        }
    }

    private static void requireClientWindow(Booking booking, Salon salon, Instant now) {
        if (booking.status == BookingStatus.CONFIRMED
                && now.plus(Duration.ofHours(salon.cancellationWindowHours)).isAfter(booking.startsAt)) {
            throw ApiException.conflict("cancellation_window_closed",
                            "Bookings can be changed by the client only up to {0} hours before the start.",
                            salon.cancellationWindowHours)
                    .with("windowHours", salon.cancellationWindowHours);
        }
    }

    static ApiException invalidTransition(BookingStatus from, BookingStatus to) {
        return ApiException.conflict("invalid_transition", "A {0} booking cannot become {1}.", from, to)
                .with("from", from.name()).with("to", to.name());
    }

    static ApiException notFound() {
        return ApiException.notFound("booking_not_found", "No such booking.");
    }

    // ---- reads -------------------------------------------------------------------------------------

    public record BookingAndSalon(Booking booking, Salon salon) {
    }

    Uni<BookingAndSalon> loadWithSalon(UUID bookingId) {
        return withSalon(bookings.findLive(bookingId));
    }

    /** For writers: the booking row stays locked until the transaction ends, so no one else changes it meanwhile. */
    Uni<BookingAndSalon> lockWithSalon(UUID bookingId) {
        return withSalon(bookings.lockLive(bookingId));
    }

    private Uni<BookingAndSalon> withSalon(Uni<Booking> found) {
        return found.chain(booking -> {
            if (booking == null) {
                throw notFound();
            }
            // A soft-deleted salon's bookings are out of reach until an admin restores the salon.
            return salons.findById(booking.salonId).map(salon -> {
                if (salon == null) {
                    throw notFound();
                }
                return new BookingAndSalon(booking, salon);
            });
        });
    }

    /** Owner of the booking's salon, the master the booking is with (their own account), or an admin. */
    private Uni<Boolean> isSalonStaff(BookingAndSalon bs, Actor actor) {
        if (actor.admin() || (actor.has(Actor.OWNER) && bs.salon().ownerId.equals(actor.userId()))) {
            return Uni.createFrom().item(true);
        }
        if (!actor.has(Actor.MASTER)) {
            return Uni.createFrom().item(false);
        }
        UUID user = actor.userId();
        return masters.findById(bs.booking().masterId).map(m -> m != null && user.equals(m.userId));
    }

    @WithSession
    public Uni<BookingAndSalon> view(UUID bookingId, Actor actor) {
        return loadWithSalon(bookingId).chain(bs -> {
            if (bs.booking().clientId.equals(actor.userId())) {
                return Uni.createFrom().item(bs);
            }
            return isSalonStaff(bs, actor).map(staff -> {
                if (!staff) {
                    throw notFound();
                }
                return bs;
            });
        });
    }

    @WithSession
    public Uni<PageResponse<Booking>> clientBookings(Actor client, int page, int size) {
        UUID clientId = client.userId();
        var query = bookings.find("clientId = ?1 and deletedAt is null order by startsAt desc, id", clientId);
        return query.page(page, size).list().chain(items -> query.count()
                .map(total -> new PageResponse<>(items, page, size, total)));
    }

    /** The owner's (or an admin's) view of one salon's bookings over {@code days} local days from {@code from}. */
    @WithSession
    public Uni<List<Booking>> salonBookings(UUID salonId, Actor actor, LocalDate from, int days) {
        if (days < 1 || days > 31) {
            throw ApiException.badRequest("invalid_date_range", "'days' must be between 1 and 31.");
        }
        return salons.findLive(salonId).chain(salon -> {
            if (salon == null || !(actor.admin() || salon.ownerId.equals(actor.userId()))) {
                throw ApiException.notFound("salon_not_found", "No such salon.");
            }
            Instant start = from.atStartOfDay(salon.zone()).toInstant();
            Instant end = from.plusDays(days).atStartOfDay(salon.zone()).toInstant();
            return bookings.list("salonId = ?1 and startsAt >= ?2 and startsAt < ?3 and deletedAt is null"
                    + " order by startsAt, id", salonId, start, end);
        });
    }

    /** A master's own calendar: bookings with the master records linked to the caller's account only. */
    @WithSession
    public Uni<List<Booking>> masterCalendar(Actor actor, Instant from, Instant to) {
        UUID user = actor.userId();
        return masters.findByUser(user).chain(mine -> {
            if (mine.isEmpty()) {
                return Uni.createFrom().item(List.<Booking>of());
            }
            List<UUID> ids = mine.stream().map(m -> m.id).toList();
            return bookings.list("masterId in ?1 and startsAt >= ?2 and startsAt < ?3 and deletedAt is null"
                    + " order by startsAt, id", ids, from, to);
        });
    }

    @WithSession
    public Uni<List<BookingStatusChange>> history(UUID bookingId, Actor actor) {
        return view(bookingId, actor).chain(bs -> history.forBooking(bookingId));
    }
}
