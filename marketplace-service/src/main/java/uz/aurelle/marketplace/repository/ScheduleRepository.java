package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.MasterBreak;
import uz.aurelle.marketplace.MasterDateOverride;
import uz.aurelle.marketplace.MasterWorkingHours;
import uz.aurelle.marketplace.SalonClosure;

/** Reads the schedule pieces the availability engine needs. */
@ApplicationScoped
public class ScheduleRepository {

    public Uni<List<MasterWorkingHours>> hours(Collection<UUID> masterIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from MasterWorkingHours where masterId in :ids order by dayOfWeek, startsAt", MasterWorkingHours.class)
                .setParameter("ids", masterIds).getResultList());
    }

    public Uni<List<MasterBreak>> breaks(Collection<UUID> masterIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from MasterBreak where masterId in :ids order by dayOfWeek, startsAt", MasterBreak.class)
                .setParameter("ids", masterIds).getResultList());
    }

    public Uni<List<MasterDateOverride>> overrides(Collection<UUID> masterIds, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from MasterDateOverride where masterId in :ids and day between :from and :to",
                        MasterDateOverride.class)
                .setParameter("ids", masterIds).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }

    public Uni<List<SalonClosure>> closures(UUID salonId, Instant from, Instant to) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from SalonClosure where salonId = :salon and endsAt > :from and startsAt < :to",
                        SalonClosure.class)
                .setParameter("salon", salonId).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }
}
