package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.BookingStatus;
import uz.aurelle.marketplace.PaymentEvent;
import uz.aurelle.marketplace.RefundRequest;
import uz.aurelle.marketplace.config.MarketplaceConfig;
import uz.aurelle.marketplace.repository.BookingRepository;
import uz.aurelle.marketplace.repository.PaymentEventRepository;
import uz.aurelle.marketplace.repository.RefundRequestRepository;
import uz.aurelle.marketplace.repository.SalonRepository;

/**
 * The marketplace side of the internal payments contract (README, "Internal API"). payments-service
 * knows a booking by the id it was paid (or asked to be paid) for; after a reschedule that booking is
 * cancelled and the live one is the last of its chain, so every call here acts on the chain's end.
 */
@ApplicationScoped
public class PaymentIntegrationService {

    private final BookingService bookingService;
    private final BookingRepository bookings;
    private final SalonRepository salons;
    private final PaymentEventRepository events;
    private final RefundRequestRepository refunds;
    private final MarketplaceConfig config;
    private final AuditLog audit;

    public PaymentIntegrationService(BookingService bookingService, BookingRepository bookings,
                                     SalonRepository salons, PaymentEventRepository events,
                                     RefundRequestRepository refunds, MarketplaceConfig config, AuditLog audit) {
        this.audit = audit;
        this.bookingService = bookingService;
        this.bookings = bookings;
        this.salons = salons;
        this.events = events;
        this.refunds = refunds;
        this.config = config;
    }

    public record Item(String title, long price, int count, String code, String packageCode, int vatPercent) {
    }

    public record Payable(UUID bookingId, UUID clientId, UUID salonId, UUID salonOwnerId, String status,
                          boolean paid, boolean payable, long amount, String currency, OffsetDateTime holdExpiresAt,
                          OffsetDateTime startsAt, boolean completed, List<Item> items) {
    }

    public record EventRequest(UUID eventId, String type, UUID paymentId, String provider, Long amount,
                               OffsetDateTime occurredAt) {
    }

    public record EventResult(UUID eventId, boolean applied, String bookingStatus) {
    }

    public record HoldView(UUID bookingId, String status, OffsetDateTime holdExpiresAt) {
    }

    public record RefundView(UUID id, UUID bookingId, UUID originalBookingId, UUID paymentId, long amount,
                             String reason, OffsetDateTime createdAt) {
    }

    static final List<String> EVENT_TYPES = List.of("PAID", "PAYMENT_CANCELLED", "REFUNDED");
    static final List<String> PROVIDERS = List.of("PAYME", "CLICK", "UZUM", "CASH", "CARD_AT_SALON");
    static final List<String> ACK_STATUSES = List.of("ACCEPTED", "DONE", "FAILED");

    /**
     * The live booking's state: asking about a rescheduled booking answers for the end of its chain. A
     * deleted salon's bookings still answer (a 404 would read as "not delivered" to a provider's reversal).
     */
    @WithSession
    public Uni<Payable> payable(UUID bookingId) {
        Instant now = Instant.now();
        return bookings.chainEnd(bookingId).chain(bookings::findLive).chain(b -> {
            if (b == null) {
                throw BookingService.notFound();
            }
            return salons.ownerOf(b.salonId).map(owner -> payableView(b, owner, now));
        });
    }

    private static Payable payableView(Booking b, UUID salonOwnerId, Instant now) {
        Instant hold = b.effectiveHoldExpiry();
        boolean payable = !b.paid && b.amountTiyin > 0
                && ((b.status == BookingStatus.PENDING_PAYMENT && hold != null && hold.isAfter(now))
                || (b.status == BookingStatus.CONFIRMED && b.endsAt.isAfter(now)));
        return new Payable(b.id, b.clientId, b.salonId, salonOwnerId, b.status.name(), b.paid, payable,
                b.amountTiyin, b.currency, b.status == BookingStatus.PENDING_PAYMENT ? utc(hold) : null,
                utc(b.startsAt), b.status == BookingStatus.COMPLETED,
                List.of(new Item(b.serviceTitle, b.amountTiyin, 1, b.ikpuCode, b.packageCode, b.vatPercent)));
    }

    /**
     * Applies a payment event once: a re-delivered event id changes nothing and answers applied=false. The
     * booking row is locked first, so concurrent deliveries and client or job transitions take turns.
     */
    @WithTransaction
    public Uni<EventResult> apply(UUID bookingId, EventRequest request) {
        validate(request);
        Instant now = Instant.now();
        return locked(bookingId).chain(booking -> events.findById(request.eventId()).chain(seen -> {
            if (seen != null) {
                if (!seen.bookingId.equals(bookingId)) {
                    throw ApiException.conflict("payment_event_conflict",
                            "This event id was already used for another booking.");
                }
                return Uni.createFrom().item(new EventResult(request.eventId(), false, booking.status.name()));
            }
            return applyNew(bookingId, booking, request, now);
        }));
    }

    private Uni<Booking> locked(UUID bookingId) {
        return lockChainEnd(bookingId, 2);
    }

    /** Locks the end of the chain; a reschedule committed while we waited for the lock moves the end on. */
    private Uni<Booking> lockChainEnd(UUID bookingId, int moves) {
        return bookings.chainEnd(bookingId).chain(end -> bookings.lockLive(end).chain(b -> {
            if (b == null) {
                throw BookingService.notFound();
            }
            return bookings.chainEnd(end).chain(latest -> latest.equals(end) || moves == 0
                    ? Uni.createFrom().item(b) : lockChainEnd(latest, moves - 1));
        }));
    }

    private Uni<EventResult> applyNew(UUID bookingId, Booking booking, EventRequest request, Instant now) {
        Actor payments = new Actor("payments-service", java.util.Set.of(Actor.SERVICE));
        Uni<Booking> effect = switch (request.type()) {
            case "PAID" -> paid(booking, request, payments, now);
            case "PAYMENT_CANCELLED" -> paymentCancelled(booking, payments, now);
            default -> refunded(booking, request, payments, now);
        };
        return effect.chain(b -> {
            PaymentEvent event = new PaymentEvent();
            event.eventId = request.eventId();
            // The booking payments-service addressed, so a re-delivery is recognised whatever the chain did.
            event.bookingId = bookingId;
            event.type = request.type();
            event.paymentId = request.paymentId();
            event.provider = request.provider();
            event.amountTiyin = request.amount();
            event.occurredAt = request.occurredAt().toInstant();
            event.bookingStatus = b.status.name();
            event.receivedAt = now;
            return events.persist(event)
                    .chain(() -> audit.record(AuditEvent.of("booking.payment_event")
                            .actor(AuditEvent.ActorType.SERVICE, "payments-service")
                            .target("booking", b.id)
                            .detail("eventId", event.eventId.toString()).detail("type", event.type)
                            .detail("amount", event.amountTiyin).detail("provider", event.provider)
                            .detail("bookingStatus", event.bookingStatus)))
                    .replaceWith(new EventResult(event.eventId, true, b.status.name()));
        });
    }

    private Uni<Booking> paid(Booking booking, EventRequest request, Actor payments, Instant now) {
        if (booking.paid) {
            throw stateConflict(booking);
        }
        if (request.amount() != booking.amountTiyin) {
            throw ApiException.unprocessable("amount_mismatch", "The paid amount differs from the booking amount.")
                    .with("expected", booking.amountTiyin);
        }
        return switch (booking.status) {
            case PENDING_PAYMENT -> bookingService.transition(booking, BookingStatus.CONFIRMED, payments, "paid", now)
                    .map(b -> recordPayment(b, request, now));
            case CONFIRMED -> Uni.createFrom().item(recordPayment(booking, request, now));
            // The money arrived after the hold ran out or the booking was cancelled: it never revives the
            // booking (its slot may be someone else's by now) but is given back in full.
            case EXPIRED, CANCELLED -> bookingService.requestRefund(recordPayment(booking, request, now),
                            booking.amountTiyin, 100,
                            "paid after the booking was " + booking.status.name().toLowerCase(Locale.ROOT), now)
                    .replaceWith(booking);
            default -> throw stateConflict(booking);
        };
    }

    private static Booking recordPayment(Booking b, EventRequest request, Instant now) {
        b.paid = true;
        b.paidAt = request.occurredAt().toInstant();
        b.paymentId = request.paymentId();
        b.paymentProvider = request.provider();
        b.updatedAt = now;
        return b;
    }

    private Uni<Booking> paymentCancelled(Booking booking, Actor payments, Instant now) {
        if (!booking.paid) {
            // An abandoned provider transaction: the hold simply runs out.
            return Uni.createFrom().item(booking);
        }
        if (booking.status != BookingStatus.CONFIRMED) {
            throw stateConflict(booking);
        }
        return bookingService.transition(booking, BookingStatus.CANCELLED, payments, "payment reversed", now)
                .map(b -> {
                    b.paid = false;
                    return b;
                });
    }

    private Uni<Booking> refunded(Booking booking, EventRequest request, Actor payments, Instant now) {
        Uni<Booking> cancelled = booking.status == BookingStatus.CONFIRMED && booking.paid
                ? bookingService.transition(booking, BookingStatus.CANCELLED, payments, "refunded", now)
                : Uni.createFrom().item(booking);
        return cancelled.chain(b -> refunds.update("status = 'DONE', updatedAt = ?1 where bookingId = ?2"
                + " and status in ('PENDING', 'ACCEPTED')", now, b.id).replaceWith(b)).invoke(b -> {
                    // A refund the provider started itself has no decision of ours: its amount is the event's.
                    if (b.refundTiyin == null) {
                        long reported = request.amount() == null || request.amount() <= 0 ? b.amountTiyin
                                : Math.min(request.amount(), b.amountTiyin);
                        b.refundTiyin = reported > 0 ? reported : null;
                    }
                    b.refundStatus = b.refundTiyin == null ? null : BookingService.REFUND_DONE;
                    b.updatedAt = now;
                });
    }

    @WithTransaction
    public Uni<HoldView> extendHold(UUID bookingId, OffsetDateTime until) {
        if (until == null) {
            throw ApiException.badRequest("validation_failed", "'until' is required.");
        }
        Instant now = Instant.now();
        Instant wanted = until.toInstant();
        if (wanted.isAfter(now.plus(config.maxHoldExtension()))) {
            throw ApiException.unprocessable("hold_too_long", "A hold can be extended by at most {0}.",
                    config.maxHoldExtension()).with("maxMinutes", config.maxHoldExtension().toMinutes());
        }
        return pendingBooking(bookingId, now).map(b -> {
            if (b.holdExtendedUntil == null || wanted.isAfter(b.holdExtendedUntil)) {
                b.holdExtendedUntil = wanted;
                b.updatedAt = now;
            }
            return holdView(b);
        });
    }

    @WithTransaction
    public Uni<HoldView> releaseHold(UUID bookingId) {
        Instant now = Instant.now();
        return pendingBooking(bookingId, now).map(b -> {
            b.holdExtendedUntil = null;
            b.updatedAt = now;
            return holdView(b);
        });
    }

    /** Checked under the row lock: a hold that expired or a booking that was paid meanwhile is refused. */
    private Uni<Booking> pendingBooking(UUID bookingId, Instant now) {
        return locked(bookingId).map(b -> {
            Instant hold = b.effectiveHoldExpiry();
            if (b.status != BookingStatus.PENDING_PAYMENT || hold == null || !hold.isAfter(now)) {
                throw ApiException.conflict("booking_not_payable", "The booking is not awaiting payment.")
                        .with("bookingStatus", b.status.name());
            }
            return b;
        });
    }

    private static HoldView holdView(Booking b) {
        return new HoldView(b.id, b.status.name(), utc(b.effectiveHoldExpiry()));
    }

    @WithSession
    public Uni<List<RefundView>> refundRequests(String status) {
        String wanted = status == null ? "PENDING" : status;
        if (!List.of("PENDING", "ACCEPTED", "DONE", "FAILED").contains(wanted)) {
            throw ApiException.badRequest("validation_failed", "Unknown refund status ''{0}''.", wanted);
        }
        return refunds.byStatus(wanted).map(list -> list.stream()
                .map(r -> new RefundView(r.id, r.bookingId, r.originalBookingId, r.paymentId, r.amountTiyin, r.reason,
                        utc(r.createdAt))).toList());
    }

    public record AckRequest(UUID paymentId, String status) {
    }

    public record AckResult(UUID id, String status) {
    }

    @WithTransaction
    public Uni<AckResult> acknowledge(UUID refundId, AckRequest request) {
        if (request == null || request.status() == null || !ACK_STATUSES.contains(request.status())) {
            throw ApiException.badRequest("validation_failed", "'status' must be one of {0}.", ACK_STATUSES);
        }
        return refunds.findById(refundId).map(r -> {
            if (r == null) {
                throw ApiException.notFound("refund_request_not_found", "No such refund request.");
            }
            if ("DONE".equals(r.status) && !"DONE".equals(request.status())) {
                throw ApiException.conflict("refund_state_conflict", "The refund is already done.");
            }
            r.status = request.status();
            if (request.paymentId() != null) {
                r.paymentId = request.paymentId();
            }
            r.updatedAt = Instant.now();
            return r;
        }).call(r -> audit.record(AuditEvent.of("refund_request.acknowledged")
                .actor(AuditEvent.ActorType.SERVICE, "payments-service").target("refund_request", r.id)
                .detail("status", r.status).detail("amount", r.amountTiyin)))
                .map(r -> new AckResult(r.id, r.status));
    }

    private static void validate(EventRequest r) {
        if (r == null || r.eventId() == null || r.paymentId() == null || r.amount() == null || r.amount() < 0
                || r.occurredAt() == null || r.type() == null || !EVENT_TYPES.contains(r.type())
                || r.provider() == null || !PROVIDERS.contains(r.provider())) {
            throw ApiException.badRequest("validation_failed",
                    "eventId, type (PAID|PAYMENT_CANCELLED|REFUNDED), paymentId, provider, amount >= 0 and"
                            + " occurredAt are required.");
        }
    }

    private static ApiException stateConflict(Booking booking) {
        return ApiException.conflict("booking_state_conflict", "The payment event does not fit the booking's state.")
                .with("bookingStatus", booking.status.name()).with("paid", booking.paid);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

}
