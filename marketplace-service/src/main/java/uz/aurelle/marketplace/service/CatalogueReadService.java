package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Master;
import uz.aurelle.marketplace.MasterDateOverride;
import uz.aurelle.marketplace.SalonClosure;
import uz.aurelle.marketplace.repository.BeautyServiceRepository;
import uz.aurelle.marketplace.repository.MasterRepository;
import uz.aurelle.marketplace.repository.ScheduleRepository;
import uz.aurelle.marketplace.service.CatalogueService.ScheduleData;
import uz.aurelle.marketplace.service.CatalogueService.Window;

/**
 * Read-backs of single catalogue items and of what owners wrote (schedules, date overrides, closures),
 * so every created or replaced resource can be fetched again. Single masters and services follow the
 * visibility of their lists; schedules, overrides and closures are the owner's (or an admin's).
 */
@ApplicationScoped
public class CatalogueReadService {

    private final SalonManagementService salons;
    private final CatalogueService catalogue;
    private final BeautyServiceRepository services;
    private final MasterRepository masters;
    private final ScheduleRepository schedules;

    public CatalogueReadService(SalonManagementService salons, CatalogueService catalogue,
                                BeautyServiceRepository services, MasterRepository masters,
                                ScheduleRepository schedules) {
        this.salons = salons;
        this.catalogue = catalogue;
        this.services = services;
        this.masters = masters;
        this.schedules = schedules;
    }

    @WithSession
    public Uni<Master> master(UUID salonId, UUID masterId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull)
                .chain(salon -> masters.findById(masterId).map(master -> CatalogueService.ofSalon(master, salon.id)));
    }

    @WithSession
    public Uni<BeautyService> service(UUID salonId, UUID serviceId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull).chain(salon -> services.findById(serviceId)
                .map(service -> CatalogueService.ofSalon(service, salon.id)));
    }

    /** The weekly hours and breaks in the shape {@code PUT .../schedule} takes. */
    @WithSession
    public Uni<ScheduleData> schedule(Actor actor, UUID salonId, UUID masterId) {
        return catalogue.ownedMaster(actor, salonId, masterId).chain(master -> schedules.hours(Set.of(masterId))
                .chain(hours -> schedules.breaks(Set.of(masterId)).map(breaks -> new ScheduleData(
                        hours.stream().map(h -> new Window(h.dayOfWeek, h.startsAt.toString(), h.endsAt.toString()))
                                .toList(),
                        breaks.stream().map(b -> new Window(b.dayOfWeek, b.startsAt.toString(), b.endsAt.toString()))
                                .toList()))));
    }

    @WithSession
    public Uni<MasterDateOverride> day(Actor actor, UUID salonId, UUID masterId, LocalDate day) {
        return catalogue.ownedMaster(actor, salonId, masterId)
                .chain(master -> schedules.overrides(Set.of(masterId), day, day))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw ApiException.notFound("day_not_found", "The master has no override on this date.");
                    }
                    return found.get(0);
                });
    }

    @WithSession
    public Uni<List<SalonClosure>> closures(Actor actor, UUID salonId) {
        return salons.owned(actor, salonId).chain(salon -> Panache.getSession()).chain(s -> s
                .createSelectionQuery("from SalonClosure where salonId = :s order by startsAt, id", SalonClosure.class)
                .setParameter("s", salonId).getResultList());
    }

    @WithSession
    public Uni<SalonClosure> closure(Actor actor, UUID salonId, UUID closureId) {
        return salons.owned(actor, salonId).chain(salon -> Panache.getSession())
                .chain(s -> s.find(SalonClosure.class, closureId)).map(closure -> {
                    if (closure == null || !closure.salonId.equals(salonId)) {
                        throw ApiException.notFound("closure_not_found", "No such closure.");
                    }
                    return closure;
                });
    }
}
