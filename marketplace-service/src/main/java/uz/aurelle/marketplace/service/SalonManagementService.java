package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.persistence.SoftDeletes;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.SalonStatus;
import uz.aurelle.marketplace.repository.SalonRepository;

/** Salons as their owners manage them, and the admin approval workflow. */
@ApplicationScoped
public class SalonManagementService {

    static final int DESCRIPTION_MAX = 5000;
    static final int URL_MAX = 2000;
    static final int NOTE_MAX = 500;

    private final SalonRepository salons;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public SalonManagementService(SalonRepository salons, AuditLog audit, SecurityIdentity identity) {
        this.salons = salons;
        this.audit = audit;
        this.identity = identity;
    }

    /** What an owner may set; status fields are the admins' business. */
    public record SalonData(String nameRu, String nameUz, String nameEn, String descriptionRu, String descriptionUz,
                            String descriptionEn, String address, String city, Double latitude, Double longitude,
                            String phone, List<String> photos, String timeZone, Integer slotIntervalMinutes,
                            Integer minNoticeMinutes, Integer horizonDays, Integer holdMinutes,
                            Boolean prepaymentRequired, Integer cancellationWindowHours, String refundTiers) {
    }

    @WithTransaction
    public Uni<Salon> create(Actor owner, SalonData data) {
        Salon salon = new Salon();
        salon.id = UUID.randomUUID();
        salon.ownerId = owner.userId();
        salon.status = SalonStatus.PENDING_REVIEW;
        salon.createdAt = Instant.now();
        salon.city = "Tashkent";
        salon.timeZone = "Asia/Tashkent";
        salon.slotIntervalMinutes = 15;
        salon.minNoticeMinutes = 60;
        salon.horizonDays = 60;
        salon.holdMinutes = 15;
        salon.cancellationWindowHours = 2;
        salon.refundTiers = "24:100,12:50,0:0";
        apply(salon, data, true);
        return salons.persist(salon);
    }

    @WithTransaction
    public Uni<Salon> update(Actor actor, UUID salonId, SalonData data) {
        return owned(actor, salonId).map(salon -> {
            apply(salon, data, false);
            return salon;
        });
    }

    /** Refused while the salon has live bookings: deleted, they could no longer be seen, cancelled or refunded. */
    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID salonId) {
        return owned(actor, salonId).call(salons::lock)
                .call(salon -> salons.liveBookings(salon.id, Instant.now())
                        .invoke(live -> refuseWithLiveBookings("salon_has_active_bookings", live)))
                .chain(salons::delete);
    }

    /** 409 with the count: the owner cancels (or completes) those bookings first. */
    static void refuseWithLiveBookings(String code, long live) {
        if (live > 0) {
            throw ApiException.conflict(code, "There are {0} upcoming booking(s); cancel them first.", live)
                    .with("activeBookings", live);
        }
    }

    @WithSession
    public Uni<List<Salon>> mine(Actor owner) {
        return salons.list("ownerId = ?1 order by createdAt, id", owner.userId());
    }

    /** Active salons are public; owners and admins also see their non-active ones. */
    @WithSession
    public Uni<Salon> view(UUID salonId, Actor actorOrNull) {
        return salons.findById(salonId).map(salon -> {
            boolean mayView = salon != null && (salon.bookable() || (actorOrNull != null && (actorOrNull.admin()
                    || (actorOrNull.has(Actor.OWNER) && salon.ownerId.equals(actorOrNull.userId())))));
            if (!mayView) {
                throw salonNotFound();
            }
            return salon;
        });
    }

    /** The salon if the caller owns it (or is an admin); someone else's salon looks absent. */
    public Uni<Salon> owned(Actor actor, UUID salonId) {
        return salons.findById(salonId).map(salon -> {
            if (salon == null || !(actor.admin() || salon.ownerId.equals(actor.userId()))) {
                throw salonNotFound();
            }
            return salon;
        });
    }

    // ---- admin ---------------------------------------------------------------------------------

    @WithSession
    public Uni<PageResponse<Salon>> byStatus(SalonStatus status, int page, int size) {
        var query = salons.find("status = ?1 order by createdAt, id", status);
        return query.page(page, size).list()
                .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
    }

    @WithTransaction
    public Uni<Salon> approve(UUID salonId) {
        return moderate(salonId, SalonStatus.ACTIVE, null,
                List.of(SalonStatus.PENDING_REVIEW, SalonStatus.SUSPENDED, SalonStatus.REJECTED));
    }

    @WithTransaction
    public Uni<Salon> reject(UUID salonId, String reason) {
        return moderate(salonId, SalonStatus.REJECTED, requireReason(reason), List.of(SalonStatus.PENDING_REVIEW));
    }

    @WithTransaction
    public Uni<Salon> suspend(UUID salonId, String reason) {
        return moderate(salonId, SalonStatus.SUSPENDED, requireReason(reason), List.of(SalonStatus.ACTIVE));
    }

    private Uni<Salon> moderate(UUID salonId, SalonStatus target, String reason, List<SalonStatus> allowedFrom) {
        return salons.findById(salonId).<Salon>map(salon -> {
            if (salon == null) {
                throw salonNotFound();
            }
            if (!allowedFrom.contains(salon.status)) {
                throw ApiException.conflict("invalid_salon_transition", "A {0} salon cannot become {1}.",
                        salon.status, target).with("from", salon.status.name()).with("to", target.name());
            }
            salon.status = target;
            salon.statusReason = reason;
            salon.updatedAt = Instant.now();
            return salon;
        }).call(salon -> audit.record(AuditEvent.of("salon.status_changed")
                .actor(AuditEvent.ActorType.USER, moderator())
                .target("salon", salon.id).detail("status", target.name())));
    }

    /** Moderation runs only behind ADMIN-only resources; the admin's id is the token subject. */
    private String moderator() {
        return identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
    }

    @WithSession
    public Uni<PageResponse<Salon>> deleted(int page, int size) {
        return SoftDeletes.listDeleted(Salon.class, page, size);
    }

    @WithTransaction
    public Uni<Void> restore(UUID salonId) {
        return SoftDeletes.restore(Salon.class, salonId).chain(restored -> {
            if (!restored) {
                throw ApiException.notFound("salon_not_found", "No deleted salon with this id.");
            }
            return audit.record(AuditEvent.of("salon.restored").actor(AuditEvent.ActorType.USER, moderator())
                    .target("salon", salonId));
        }).replaceWithVoid();
    }

    /**
     * The parent for an admin restore of one of its masters or services: the live salon, share-locked so
     * it cannot be deleted before the restore commits; 409 if the salon is deleted itself (restore it
     * first), 404 if it never existed.
     */
    public Uni<Salon> liveParentForRestore(UUID salonId) {
        return salons.findById(salonId, LockModeType.PESSIMISTIC_READ).chain(salon -> salon != null
                ? Uni.createFrom().item(salon)
                : SoftDeletes.isDeleted(Salon.class, salonId).map(deleted -> {
                    if (deleted) {
                        throw ApiException.conflict("salon_deleted", "The salon is deleted; restore the salon first.");
                    }
                    throw salonNotFound();
                }));
    }

    /** 404 unless the salon exists, live or deleted (admin views of what a salon lost). */
    public Uni<Void> requireKnown(UUID salonId) {
        return salons.findById(salonId).chain(salon -> salon != null ? Uni.createFrom().voidItem()
                : SoftDeletes.isDeleted(Salon.class, salonId).map(deleted -> {
                    if (!deleted) {
                        throw salonNotFound();
                    }
                    return null;
                }));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason_required", "A reason is required.");
        }
        return atMost("reason", reason.trim(), 1000);
    }

    static ApiException salonNotFound() {
        return ApiException.notFound("salon_not_found", "No such salon.");
    }

    private static void apply(Salon salon, SalonData d, boolean creating) {
        if (d == null) {
            throw invalid("body", "A salon body is required.");
        }
        if (creating || d.nameRu() != null) {
            salon.nameRu = text("nameRu", d.nameRu(), 200);
        }
        if (creating || d.nameUz() != null) {
            salon.nameUz = text("nameUz", d.nameUz(), 200);
        }
        if (creating || d.nameEn() != null) {
            salon.nameEn = text("nameEn", d.nameEn(), 200);
        }
        if (creating || d.address() != null) {
            salon.address = text("address", d.address(), 300);
        }
        if (creating || d.latitude() != null) {
            salon.latitude = range("latitude", d.latitude(), -90, 90);
        }
        if (creating || d.longitude() != null) {
            salon.longitude = range("longitude", d.longitude(), -180, 180);
        }
        if (d.descriptionRu() != null) {
            salon.descriptionRu = atMost("descriptionRu", d.descriptionRu(), DESCRIPTION_MAX);
        }
        if (d.descriptionUz() != null) {
            salon.descriptionUz = atMost("descriptionUz", d.descriptionUz(), DESCRIPTION_MAX);
        }
        if (d.descriptionEn() != null) {
            salon.descriptionEn = atMost("descriptionEn", d.descriptionEn(), DESCRIPTION_MAX);
        }
        if (d.city() != null) {
            salon.city = text("city", d.city(), 100);
        }
        if (d.phone() != null) {
            if (!d.phone().matches("^\\+?[0-9]{7,15}$")) {
                throw invalid("phone", "The phone number must be 7-15 digits, optionally with a leading +.");
            }
            salon.phone = d.phone();
        }
        if (d.photos() != null) {
            if (d.photos().size() > 20 || d.photos().stream().anyMatch(p -> p == null || !p.startsWith("https://")
                    || p.length() > URL_MAX)) {
                throw invalid("photos", "Up to 20 https:// photo URLs of at most " + URL_MAX + " characters.");
            }
            salon.photos = d.photos().toArray(new String[0]);
        }
        if (d.timeZone() != null) {
            // Region ids only: PostgreSQL reads a bare offset such as "+05:00" as POSIX, with the sign
            // reversed, so "open now" and the slot SQL would put such a salon ten hours off.
            if (!ZoneId.getAvailableZoneIds().contains(d.timeZone())) {
                throw invalid("timeZone", "The time zone must be an IANA zone id such as Asia/Tashkent.");
            }
            salon.timeZone = d.timeZone();
        }
        if (d.slotIntervalMinutes() != null) {
            salon.slotIntervalMinutes = (int) range("slotIntervalMinutes", d.slotIntervalMinutes(), 5, 240);
        }
        if (d.minNoticeMinutes() != null) {
            salon.minNoticeMinutes = (int) range("minNoticeMinutes", d.minNoticeMinutes(), 0, 10080);
        }
        if (d.horizonDays() != null) {
            salon.horizonDays = (int) range("horizonDays", d.horizonDays(), 1, 365);
        }
        if (d.holdMinutes() != null) {
            salon.holdMinutes = (int) range("holdMinutes", d.holdMinutes(), 1, 1440);
        }
        if (d.prepaymentRequired() != null) {
            salon.prepaymentRequired = d.prepaymentRequired();
        }
        if (d.cancellationWindowHours() != null) {
            salon.cancellationWindowHours = (int) range("cancellationWindowHours", d.cancellationWindowHours(), 0, 720);
        }
        if (d.refundTiers() != null) {
            salon.refundTiers = RefundPolicy.parse(d.refundTiers()).format();
        }
        salon.updatedAt = Instant.now();
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw invalid(field, field + " is required, at most " + max + " characters.");
        }
        return value.trim();
    }

    /** Optional free text: any value (also blank) up to {@code max} characters. */
    static String atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field, field + " is at most " + max + " characters.");
        }
        return value;
    }

    static double range(String field, Number value, double min, double max) {
        if (value == null || value.doubleValue() < min || value.doubleValue() > max) {
            throw invalid(field, field + " must be between " + min + " and " + max + ".");
        }
        return value.doubleValue();
    }

    static ApiException invalid(String field, String detail) {
        return ApiException.badRequest("validation_failed", detail)
                .with("errors", List.of(java.util.Map.of("field", field, "code", "invalid", "message", detail)));
    }
}
