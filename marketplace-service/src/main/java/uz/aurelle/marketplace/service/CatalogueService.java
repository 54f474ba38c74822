package uz.aurelle.marketplace.service;

import static uz.aurelle.marketplace.service.SalonManagementService.NOTE_MAX;
import static uz.aurelle.marketplace.service.SalonManagementService.URL_MAX;
import static uz.aurelle.marketplace.service.SalonManagementService.atMost;
import static uz.aurelle.marketplace.service.SalonManagementService.invalid;
import static uz.aurelle.marketplace.service.SalonManagementService.range;
import static uz.aurelle.marketplace.service.SalonManagementService.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.persistence.SoftDeletes;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Category;
import uz.aurelle.marketplace.Master;
import uz.aurelle.marketplace.MasterBreak;
import uz.aurelle.marketplace.MasterDateOverride;
import uz.aurelle.marketplace.MasterOffer;
import uz.aurelle.marketplace.MasterWorkingHours;
import uz.aurelle.marketplace.SalonClosure;
import uz.aurelle.marketplace.repository.BeautyServiceRepository;
import uz.aurelle.marketplace.repository.CategoryRepository;
import uz.aurelle.marketplace.repository.MasterInvitationRepository;
import uz.aurelle.marketplace.repository.MasterOfferRepository;
import uz.aurelle.marketplace.repository.MasterRepository;

/** Services, masters, who-does-what and schedules of a salon, managed by its owner. */
@ApplicationScoped
public class CatalogueService {

    private final SalonManagementService salons;
    private final BeautyServiceRepository services;
    private final MasterRepository masters;
    private final MasterOfferRepository offers;
    private final CategoryRepository categories;
    private final AuditLog audit;
    private final MasterInvitationRepository invitations;

    public CatalogueService(SalonManagementService salons, BeautyServiceRepository services, MasterRepository masters,
                            MasterOfferRepository offers, CategoryRepository categories, AuditLog audit,
                            MasterInvitationRepository invitations) {
        this.salons = salons;
        this.services = services;
        this.masters = masters;
        this.offers = offers;
        this.categories = categories;
        this.audit = audit;
        this.invitations = invitations;
    }

    @WithSession
    public Uni<List<Category>> categories() {
        return categories.list("order by sortOrder");
    }

    // ---- services ------------------------------------------------------------------------------

    public record ServiceData(UUID categoryId, String nameRu, String nameUz, String nameEn, Integer durationMinutes,
                              Long priceTiyin, Integer bufferBeforeMinutes, Integer bufferAfterMinutes,
                              Boolean homeService, String ikpuCode, String packageCode, Integer vatPercent) {
    }

    @WithSession
    public Uni<List<BeautyService>> services(UUID salonId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull)
                .chain(salon -> services.list("salonId = ?1 order by createdAt, id", salon.id));
    }

    @WithTransaction
    public Uni<BeautyService> createService(Actor actor, UUID salonId, ServiceData data) {
        return salons.owned(actor, salonId).chain(salon -> {
            BeautyService service = new BeautyService();
            service.id = UUID.randomUUID();
            service.salonId = salon.id;
            service.createdAt = Instant.now();
            return applyService(service, data, true).chain(services::persist);
        });
    }

    @WithTransaction
    public Uni<BeautyService> updateService(Actor actor, UUID salonId, UUID serviceId, ServiceData data) {
        return ownedService(actor, salonId, serviceId).chain(service -> applyService(service, data, false));
    }

    @WithTransaction
    public Uni<Void> deleteService(Actor actor, UUID salonId, UUID serviceId) {
        return ownedService(actor, salonId, serviceId).chain(services::delete);
    }

    private Uni<BeautyService> ownedService(Actor actor, UUID salonId, UUID serviceId) {
        return salons.owned(actor, salonId)
                .chain(salon -> services.findById(serviceId).map(service -> ofSalon(service, salon.id)));
    }

    /** The service, if it belongs to the salon; a service of another salon is as unknown as none. */
    static BeautyService ofSalon(BeautyService service, UUID salonId) {
        if (service == null || !service.salonId.equals(salonId)) {
            throw ApiException.notFound("service_not_found", "The salon has no such service.");
        }
        return service;
    }

    private Uni<BeautyService> applyService(BeautyService s, ServiceData d, boolean creating) {
        if (d == null) {
            throw invalid("body", "A service body is required.");
        }
        if (creating || d.nameRu() != null) {
            s.nameRu = text("nameRu", d.nameRu(), 200);
        }
        if (creating || d.nameUz() != null) {
            s.nameUz = text("nameUz", d.nameUz(), 200);
        }
        if (creating || d.nameEn() != null) {
            s.nameEn = text("nameEn", d.nameEn(), 200);
        }
        if (creating || d.durationMinutes() != null) {
            s.durationMinutes = (int) range("durationMinutes", d.durationMinutes(), 5, 720);
        }
        if (creating || d.priceTiyin() != null) {
            s.priceTiyin = (long) range("priceTiyin", d.priceTiyin(), 0, 1e13);
        }
        if (d.bufferBeforeMinutes() != null) {
            s.bufferBeforeMinutes = (int) range("bufferBeforeMinutes", d.bufferBeforeMinutes(), 0, 240);
        }
        if (d.bufferAfterMinutes() != null) {
            s.bufferAfterMinutes = (int) range("bufferAfterMinutes", d.bufferAfterMinutes(), 0, 240);
        }
        if (d.homeService() != null) {
            s.homeService = d.homeService();
        }
        if (d.ikpuCode() != null) {
            if (!d.ikpuCode().matches("^[0-9]{17}$")) {
                throw invalid("ikpuCode", "The IKPU (MXIK) code has exactly 17 digits.");
            }
            s.ikpuCode = d.ikpuCode();
        }
        if (d.packageCode() != null) {
            s.packageCode = text("packageCode", d.packageCode(), 20);
        }
        if (d.vatPercent() != null) {
            s.vatPercent = (int) range("vatPercent", d.vatPercent(), 0, 100);
        }
        if (!creating && d.categoryId() == null) {
            return Uni.createFrom().item(s);
        }
        if (d.categoryId() == null) {
            throw invalid("categoryId", "categoryId is required.");
        }
        return categories.findById(d.categoryId()).map(category -> {
            if (category == null) {
                throw ApiException.notFound("category_not_found", "No such category.");
            }
            s.categoryId = category.id;
            return s;
        });
    }

    // ---- masters -------------------------------------------------------------------------------

    /**
     * An owner's master body. {@code userId} is not settable: an account is linked only when its holder
     * accepts an invitation. It is read as a JsonNode only to refuse it, even as an explicit null (absent
     * stays null, {@code null} becomes a NullNode), instead of ignoring it like other unknown fields.
     */
    public record MasterData(String name, String photoUrl, String specialisation, Integer experienceYears,
                             JsonNode userId) {
    }

    @WithSession
    public Uni<List<Master>> masters(UUID salonId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull)
                .chain(salon -> masters.list("salonId = ?1 order by createdAt, id", salon.id));
    }

    @WithTransaction
    public Uni<Master> createMaster(Actor actor, UUID salonId, MasterData data) {
        return salons.owned(actor, salonId).chain(salon -> {
            Master master = new Master();
            master.id = UUID.randomUUID();
            master.salonId = salon.id;
            master.createdAt = Instant.now();
            applyMaster(master, data, true);
            return masters.persist(master);
        });
    }

    @WithTransaction
    public Uni<Master> updateMaster(Actor actor, UUID salonId, UUID masterId, MasterData data) {
        return ownedMaster(actor, salonId, masterId).map(master -> {
            applyMaster(master, data, false);
            return master;
        });
    }

    /** Refused while the master has live bookings; a pending invitation dies with its master. */
    @WithTransaction
    public Uni<Void> deleteMaster(Actor actor, UUID salonId, UUID masterId) {
        return lockedOwnedMaster(actor, salonId, masterId)
                .call(master -> masters.liveBookings(master.id, Instant.now())
                        .invoke(live -> SalonManagementService.refuseWithLiveBookings("master_has_active_bookings",
                                live)))
                .call(master -> invitations.revokePending(master.id, Instant.now()))
                .chain(masters::delete);
    }

    Uni<Master> ownedMaster(Actor actor, UUID salonId, UUID masterId) {
        return salons.owned(actor, salonId)
                .chain(salon -> masters.findById(masterId).map(master -> ofSalon(master, salon.id)));
    }

    /**
     * Like {@link #ownedMaster} with the master's row locked until the transaction ends: every change of
     * its account link or invitations takes this lock first, so they never interleave or deadlock.
     */
    Uni<Master> lockedOwnedMaster(Actor actor, UUID salonId, UUID masterId) {
        return salons.owned(actor, salonId)
                .chain(salon -> masters.lock(masterId).map(master -> ofSalon(master, salon.id)));
    }

    /** The master, if it belongs to the salon; a master of another salon is as unknown as none. */
    static Master ofSalon(Master master, UUID salonId) {
        if (master == null || !master.salonId.equals(salonId)) {
            throw ApiException.notFound("master_not_found", "The salon has no such master.");
        }
        return master;
    }

    private static void applyMaster(Master m, MasterData d, boolean creating) {
        if (d == null) {
            throw invalid("body", "A master body is required.");
        }
        if (creating || d.name() != null) {
            m.name = text("name", d.name(), 200);
        }
        if (d.photoUrl() != null) {
            if (!d.photoUrl().startsWith("https://") || d.photoUrl().length() > URL_MAX) {
                throw invalid("photoUrl", "The photo must be an https:// URL of at most " + URL_MAX + " characters.");
            }
            m.photoUrl = d.photoUrl();
        }
        if (d.specialisation() != null) {
            m.specialisation = text("specialisation", d.specialisation(), 200);
        }
        if (d.experienceYears() != null) {
            m.experienceYears = (int) range("experienceYears", d.experienceYears(), 0, 80);
        }
        if (d.userId() != null) {
            throw ApiException.badRequest("master_account_not_settable",
                    "A master's account is linked only by its holder accepting an invitation, and unlinked with"
                            + " DELETE .../masters/{masterId}/account.");
        }
    }

    public record OfferData(Long priceTiyin, Integer durationMinutes) {
    }

    /** Says that the master performs the service, optionally at their own price/duration. */
    @WithTransaction
    public Uni<MasterOffer> offer(Actor actor, UUID salonId, UUID masterId, UUID serviceId, OfferData data) {
        return ownedMaster(actor, salonId, masterId).chain(master -> ownedService(actor, salonId, serviceId))
                .chain(service -> offers.findById(new MasterOffer.Key(masterId, serviceId)).chain(existing -> {
                    MasterOffer offer = existing != null ? existing : new MasterOffer();
                    offer.masterId = masterId;
                    offer.serviceId = serviceId;
                    offer.priceTiyin = data == null || data.priceTiyin() == null ? null
                            : (long) range("priceTiyin", data.priceTiyin(), 0, 1e13);
                    offer.durationMinutes = data == null || data.durationMinutes() == null ? null
                            : (int) range("durationMinutes", data.durationMinutes(), 5, 720);
                    return existing != null ? Uni.createFrom().item(offer) : offers.persist(offer);
                }));
    }

    @WithTransaction
    public Uni<Void> withdrawOffer(Actor actor, UUID salonId, UUID masterId, UUID serviceId) {
        return ownedMaster(actor, salonId, masterId)
                .chain(master -> offers.delete("masterId = ?1 and serviceId = ?2", masterId, serviceId))
                .map(count -> {
                    if (count == 0) {
                        throw ApiException.notFound("offer_not_found", "The master does not perform this service.");
                    }
                    return null;
                });
    }

    // ---- admin: deleted masters and services ------------------------------------------------------
    //
    // Deleting a master or service only marks its row, so a restore brings it back exactly as it was: a
    // master with its offers, weekly hours, breaks, days off and account link; a service with its
    // masters' offers. Offers between a restored row and one still deleted stay dormant (bookings and
    // slots only see live masters and services) until that one is restored too.

    @WithSession
    public Uni<PageResponse<Master>> deletedMasters(UUID salonId, int page, int size) {
        return salons.requireKnown(salonId).chain(() -> masters.deletedOf(salonId, page, size));
    }

    @WithSession
    public Uni<PageResponse<BeautyService>> deletedServices(UUID salonId, int page, int size) {
        return salons.requireKnown(salonId).chain(() -> services.deletedOf(salonId, page, size));
    }

    /** 409 if the salon is deleted, or if the master's account got linked to another live master there. */
    @WithTransaction
    public Uni<Master> restoreMaster(Actor admin, UUID salonId, UUID masterId) {
        return salons.liveParentForRestore(salonId)
                .chain(salon -> SoftDeletes.restore(Master.class, masterId))
                .onFailure(SqlStates::isUniqueViolation).transform(e -> ApiException.conflict("master_account_taken",
                        "The master's user account is linked to another live master of this salon."))
                .chain(restored -> restored ? masters.findById(masterId) : Uni.createFrom().nullItem())
                .map(master -> {
                    // Another salon's master: throwing rolls the restore back.
                    if (master == null || !master.salonId.equals(salonId)) {
                        throw ApiException.notFound("master_not_found",
                                "The salon has no deleted master with this id.");
                    }
                    return master;
                })
                .call(master -> audit.record(restored("master.restored", admin, "master", masterId, salonId)));
    }

    /** 409 if the salon is deleted. */
    @WithTransaction
    public Uni<BeautyService> restoreService(Actor admin, UUID salonId, UUID serviceId) {
        return salons.liveParentForRestore(salonId)
                .chain(salon -> SoftDeletes.restore(BeautyService.class, serviceId))
                .chain(restored -> restored ? services.findById(serviceId) : Uni.createFrom().nullItem())
                .map(service -> {
                    if (service == null || !service.salonId.equals(salonId)) {
                        throw ApiException.notFound("service_not_found",
                                "The salon has no deleted service with this id.");
                    }
                    return service;
                })
                .call(service -> audit.record(restored("service.restored", admin, "service", serviceId, salonId)));
    }

    private static AuditEvent restored(String action, Actor admin, String targetType, UUID id, UUID salonId) {
        return AuditEvent.of(action).actor(AuditEvent.ActorType.USER, admin.subject()).target(targetType, id)
                .detail("salonId", salonId.toString());
    }

    // ---- schedules -----------------------------------------------------------------------------

    public record Window(Integer dayOfWeek, String startsAt, String endsAt) {
    }

    public record ScheduleData(List<Window> hours, List<Window> breaks) {
    }

    /** Replaces the master's weekly hours and breaks (times local to the salon's zone). */
    @WithTransaction
    public Uni<ScheduleData> replaceSchedule(Actor actor, UUID salonId, UUID masterId, ScheduleData data) {
        if (data == null || data.hours() == null) {
            throw invalid("hours", "hours is required (may be empty).");
        }
        List<Object> rows = new ArrayList<>();
        for (Window w : data.hours()) {
            MasterWorkingHours h = new MasterWorkingHours();
            h.id = UUID.randomUUID();
            h.masterId = masterId;
            h.dayOfWeek = (int) range("hours.dayOfWeek", w.dayOfWeek(), 1, 7);
            h.startsAt = time("hours.startsAt", w.startsAt());
            h.endsAt = time("hours.endsAt", w.endsAt());
            rows.add(h);
        }
        for (Window w : data.breaks() == null ? List.<Window>of() : data.breaks()) {
            MasterBreak b = new MasterBreak();
            b.id = UUID.randomUUID();
            b.masterId = masterId;
            b.dayOfWeek = (int) range("breaks.dayOfWeek", w.dayOfWeek(), 1, 7);
            b.startsAt = time("breaks.startsAt", w.startsAt());
            b.endsAt = time("breaks.endsAt", w.endsAt());
            if (!b.endsAt.isAfter(b.startsAt)) {
                throw invalid("breaks.endsAt", "A break must end after it starts.");
            }
            rows.add(b);
        }
        return ownedMaster(actor, salonId, masterId)
                .chain(master -> Panache.getSession())
                .chain(session -> session.createMutationQuery("delete from MasterWorkingHours where masterId = :m")
                        .setParameter("m", masterId).executeUpdate()
                        .chain(() -> session.createMutationQuery("delete from MasterBreak where masterId = :m")
                                .setParameter("m", masterId).executeUpdate())
                        .chain(() -> session.persistAll(rows.toArray())))
                .replaceWith(data);
    }

    public record DayData(String startsAt, String endsAt, String reason) {
    }

    /** A date override: without times a day off, with times that date's hours. */
    @WithTransaction
    public Uni<MasterDateOverride> setDay(Actor actor, UUID salonId, UUID masterId, LocalDate day, DayData data) {
        MasterDateOverride o = new MasterDateOverride();
        o.id = UUID.randomUUID();
        o.masterId = masterId;
        o.day = day;
        boolean dayOff = data == null || data.startsAt() == null;
        if (!dayOff) {
            o.startsAt = time("startsAt", data.startsAt());
            o.endsAt = time("endsAt", data.endsAt());
        }
        o.reason = data == null ? null : atMost("reason", data.reason(), NOTE_MAX);
        return ownedMaster(actor, salonId, masterId)
                .chain(master -> Panache.getSession())
                .chain(session -> session.createMutationQuery("delete from MasterDateOverride where masterId = :m"
                                + " and day = :d").setParameter("m", masterId).setParameter("d", day).executeUpdate()
                        .chain(() -> session.persist(o)))
                .replaceWith(o);
    }

    @WithTransaction
    public Uni<Void> clearDay(Actor actor, UUID salonId, UUID masterId, LocalDate day) {
        return ownedMaster(actor, salonId, masterId).chain(master -> Panache.getSession())
                .chain(session -> session.createMutationQuery("delete from MasterDateOverride where masterId = :m"
                        + " and day = :d").setParameter("m", masterId).setParameter("d", day).executeUpdate())
                .replaceWithVoid();
    }

    public record ClosureData(OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {
    }

    @WithTransaction
    public Uni<SalonClosure> addClosure(Actor actor, UUID salonId, ClosureData data) {
        if (data == null || data.startsAt() == null || data.endsAt() == null || !data.endsAt().isAfter(data.startsAt())) {
            throw invalid("endsAt", "startsAt and endsAt are required, endsAt after startsAt.");
        }
        return salons.owned(actor, salonId).chain(salon -> {
            SalonClosure c = new SalonClosure();
            c.id = UUID.randomUUID();
            c.salonId = salon.id;
            c.startsAt = data.startsAt().toInstant();
            c.endsAt = data.endsAt().toInstant();
            c.reason = atMost("reason", data.reason(), NOTE_MAX);
            return Panache.getSession().chain(session -> session.persist(c)).replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<Void> removeClosure(Actor actor, UUID salonId, UUID closureId) {
        return salons.owned(actor, salonId).chain(salon -> Panache.getSession())
                .chain(session -> session.createMutationQuery("delete from SalonClosure where id = :id and salonId = :s")
                        .setParameter("id", closureId).setParameter("s", salonId).executeUpdate())
                .map(count -> {
                    if (count == 0) {
                        throw ApiException.notFound("closure_not_found", "No such closure.");
                    }
                    return null;
                });
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, field + " must be a time like 09:00.");
        }
    }
}
