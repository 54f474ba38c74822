package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.persistence.SoftDeletes;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.PromoCode;
import uz.aurelle.marketplace.repository.PromoCodeRepository;
import uz.aurelle.marketplace.repository.SalonRepository;

/**
 * Promo codes: owners manage their salons' codes, admins the global ones. Redemption happens inside
 * the booking's transaction under the code's row lock, so limits hold under concurrency.
 */
@ApplicationScoped
public class PromoCodeService {

    private final PromoCodeRepository promos;
    private final SalonRepository salons;
    private final AuditLog audit;

    public PromoCodeService(PromoCodeRepository promos, SalonRepository salons, AuditLog audit) {
        this.promos = promos;
        this.salons = salons;
        this.audit = audit;
    }

    public record PromoData(String code, UUID salonId, String kind, Long value, OffsetDateTime validFrom,
                            OffsetDateTime validUntil, Integer maxRedemptions, Integer maxPerClient,
                            Long minAmount) {
    }

    @WithTransaction
    public Uni<PromoCode> create(Actor actor, PromoData data) {
        if (data == null) {
            throw invalid("body", "not_null", "A body is required.");
        }
        PromoCode promo = new PromoCode();
        promo.id = UUID.randomUUID();
        promo.code = normalise(data.code());
        promo.salonId = data.salonId();
        promo.createdBy = actor.userId();
        promo.kind = kind(data.kind());
        promo.value = positive("value", data.value());
        if (promo.kind == PromoCode.Kind.PERCENT && promo.value > 100) {
            throw invalid("value", "max", "A percentage must be 1 to 100.");
        }
        Instant now = Instant.now();
        promo.validFrom = data.validFrom() == null ? now : data.validFrom().toInstant();
        if (data.validUntil() == null) {
            throw invalid("validUntil", "not_null", "The end of the validity window is required.");
        }
        promo.validUntil = data.validUntil().toInstant();
        if (!promo.validUntil.isAfter(promo.validFrom)) {
            throw invalid("validUntil", "after_valid_from", "The validity window must end after it starts.");
        }
        promo.maxRedemptions = optionalPositive("maxRedemptions", data.maxRedemptions());
        promo.maxPerClient = optionalPositive("maxPerClient", data.maxPerClient());
        if (data.minAmount() != null && data.minAmount() < 0) {
            throw invalid("minAmount", "min", "The minimum amount cannot be negative.");
        }
        promo.minAmountTiyin = data.minAmount() == null ? 0 : data.minAmount();
        promo.createdAt = now;
        promo.updatedAt = now;
        return authorise(actor, promo.salonId)
                .chain(() -> promos.persist(promo))
                .chain(() -> promos.flush())
                .chain(() -> auditAdmin(actor, "promo_code.created", promo))
                .replaceWith(promo)
                .onFailure(SqlStates::isUniqueViolation)
                .transform(e -> ApiException.conflict("promo_code_exists",
                        "A live promo code ''{0}'' already exists here.", promo.code).with("code", promo.code));
    }

    /** Salon codes: the salon's owner (or an admin); global codes: admins only. */
    private Uni<Void> authorise(Actor actor, UUID salonIdOrNull) {
        if (salonIdOrNull == null) {
            if (!actor.admin()) {
                throw ApiException.forbidden("global_promo_admin_only", "Only admins manage global promo codes.");
            }
            return Uni.createFrom().voidItem();
        }
        return salons.findById(salonIdOrNull).map(salon -> {
            if (salon == null || !(actor.admin() || salon.ownerId.equals(actor.userId()))) {
                throw SalonManagementService.salonNotFound();
            }
            return null;
        });
    }

    @WithSession
    public Uni<PageResponse<PromoCode>> list(Actor actor, UUID salonIdOrNull, int page, int size) {
        return authorise(actor, salonIdOrNull).chain(() -> {
            var query = salonIdOrNull == null
                    ? promos.find("salonId is null order by createdAt desc, id")
                    : promos.find("salonId = ?1 order by createdAt desc, id", salonIdOrNull);
            return query.page(page, size).list()
                    .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
        });
    }

    @WithSession
    public Uni<PromoCode> view(Actor actor, UUID id) {
        return visible(actor, id);
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID id) {
        return visible(actor, id).call(promos::delete).call(promos::flush)
                .chain(promo -> auditAdmin(actor, "promo_code.deleted", promo));
    }

    /**
     * Admins' actions on codes (all global codes, and any salon's) go to the audit log; an owner's own
     * codes are their business. The code's text stays out: an unused code is worth money.
     */
    private Uni<Void> auditAdmin(Actor actor, String action, PromoCode promo) {
        if (!actor.admin()) {
            return Uni.createFrom().voidItem();
        }
        return audit.record(AuditEvent.of(action).actor(AuditEvent.ActorType.USER, actor.subject())
                .target("promo_code", promo.id)
                .detail("salonId", promo.salonId == null ? null : promo.salonId.toString())
                .detail("kind", promo.kind.name()).detail("value", promo.value)).replaceWithVoid();
    }

    /** Someone else's code looks absent (404), like someone else's salon. */
    private Uni<PromoCode> visible(Actor actor, UUID id) {
        return promos.findById(id).chain(promo -> {
            if (promo == null) {
                throw notFound();
            }
            if (promo.salonId == null) {
                if (!actor.admin()) {
                    throw notFound();
                }
                return Uni.createFrom().item(promo);
            }
            return salons.findById(promo.salonId).map(salon -> {
                if (salon == null || !(actor.admin() || salon.ownerId.equals(actor.userId()))) {
                    throw notFound();
                }
                return promo;
            });
        });
    }

    @WithSession
    public Uni<PageResponse<PromoCode>> deleted(int page, int size) {
        return SoftDeletes.listDeleted(PromoCode.class, page, size);
    }

    @WithTransaction
    public Uni<PromoCode> restore(Actor admin, UUID id) {
        return SoftDeletes.restore(PromoCode.class, id).chain(restored -> {
            if (!restored) {
                throw ApiException.notFound("promo_code_not_found", "No deleted promo code with this id.");
            }
            return promos.findById(id);
        }).onFailure(SqlStates::isUniqueViolation).transform(e -> ApiException.conflict("promo_code_exists",
                "A live promo code with the same text exists; delete it first."))
                .call(promo -> auditAdmin(admin, "promo_code.restored", promo));
    }

    // ---- redemption (called inside the booking transaction) ------------------------------------

    /**
     * Locks the code, checks window, minimum amount and limits, takes one use and sets the booking's
     * discount. The redemption row itself is written by {@link #recordRedemption} once the booking exists.
     */
    public Uni<Void> redeem(String rawCode, Booking booking, Instant now) {
        return promos.lockForSalon(lookupForm(rawCode), booking.salonId).chain(promo -> {
            if (promo == null) {
                throw ApiException.unprocessable("promo_code_not_found", "No such promo code for this salon.");
            }
            if (now.isBefore(promo.validFrom) || !now.isBefore(promo.validUntil)) {
                throw ApiException.unprocessable("promo_code_not_active", "The promo code is not valid at this time.");
            }
            if (booking.priceTiyin < promo.minAmountTiyin) {
                throw ApiException.unprocessable("promo_code_min_amount",
                        "The promo code needs an order of at least {0} tiyin.", promo.minAmountTiyin)
                        .with("minAmount", promo.minAmountTiyin);
            }
            Uni<Void> perClient = promo.maxPerClient == null ? Uni.createFrom().voidItem()
                    : promos.activeRedemptions(promo.id, booking.clientId).map(used -> {
                        if (used >= promo.maxPerClient) {
                            throw ApiException.unprocessable("promo_code_client_limit",
                                    "You have already used this promo code the maximum number of times.");
                        }
                        return null;
                    });
            return perClient.chain(() -> promos.incrementIfBelowLimit(promo.id)).map(taken -> {
                if (!taken) {
                    throw ApiException.unprocessable("promo_code_exhausted", "The promo code has been used up.");
                }
                booking.promoCodeId = promo.id;
                booking.discountTiyin = promo.discountOn(booking.priceTiyin);
                booking.amountTiyin = booking.priceTiyin - booking.discountTiyin;
                return null;
            });
        });
    }

    /**
     * Locks, in one statement and in id order, every code row the transaction will change: the codes the
     * given just-expired bookings give back and, if {@code rawCode} is set, the code(s) a booking at
     * {@code salonId} would redeem. Taken after the booking rows (see BookingService#expireAll).
     */
    public Uni<Void> lockCodes(List<Booking> releasing, String rawCode, UUID salonId) {
        List<UUID> ids = releasing.stream().filter(b -> b.promoCodeId != null && !b.paid)
                .map(b -> b.promoCodeId).distinct().toList();
        String code = rawCode == null ? null : lookupForm(rawCode);
        if (ids.isEmpty() && code == null) {
            return Uni.createFrom().voidItem();
        }
        return promos.lockInIdOrder(ids, code, salonId);
    }

    public Uni<Void> recordRedemption(Booking booking, Instant now) {
        if (booking.promoCodeId == null) {
            return Uni.createFrom().voidItem();
        }
        return promos.insertRedemption(booking.promoCodeId, booking.id, booking.clientId, booking.discountTiyin, now);
    }

    /** An unpaid booking that is cancelled or expires gives its use of the code back. */
    public Uni<Void> releaseIfUnpaid(Booking booking, Instant now) {
        if (booking.promoCodeId == null || booking.paid) {
            return Uni.createFrom().voidItem();
        }
        return promos.release(booking.id, now).replaceWithVoid();
    }

    public Uni<Void> transfer(Booking from, Booking to) {
        if (from.promoCodeId == null) {
            return Uni.createFrom().voidItem();
        }
        return promos.transfer(from.id, to.id).replaceWithVoid();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static ApiException notFound() {
        return ApiException.notFound("promo_code_not_found", "No such promo code.");
    }

    /** Clients may type a code in any case and with stray spaces. */
    private static String lookupForm(String rawCode) {
        return rawCode.trim().toUpperCase(Locale.ROOT);
    }

    private static String normalise(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("^[A-Z0-9_-]{3,32}$")) {
            throw invalid("code", "pattern", "3-32 letters A-Z, digits, '-' or '_'.");
        }
        return c;
    }

    private static PromoCode.Kind kind(String kind) {
        try {
            return PromoCode.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("kind", "one_of", "PERCENT or FIXED.");
        }
    }

    private static long positive(String field, Long value) {
        if (value == null || value <= 0) {
            throw invalid(field, "positive", "Must be a positive number.");
        }
        return value;
    }

    private static Integer optionalPositive(String field, Integer value) {
        if (value != null && value <= 0) {
            throw invalid(field, "positive", "Must be a positive number.");
        }
        return value;
    }


    private static ApiException invalid(String field, String code, String message) {
        return ApiException.badRequest("validation_failed", "''{0}'' is invalid: {1}", field, message)
                .with("errors", List.of(Map.of("field", field, "code", code, "message", message)));
    }
}
