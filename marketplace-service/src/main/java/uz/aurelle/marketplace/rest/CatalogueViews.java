package uz.aurelle.marketplace.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Category;
import uz.aurelle.marketplace.Master;
import uz.aurelle.marketplace.MasterDateOverride;
import uz.aurelle.marketplace.MasterInvitation;
import uz.aurelle.marketplace.SalonClosure;
import uz.aurelle.marketplace.SalonOpeningHours;
import uz.aurelle.marketplace.service.OpeningHoursService;

/** JSON shapes of the catalogue. */
final class CatalogueViews {

    private CatalogueViews() {
    }

    record CategoryView(UUID id, String slug, String nameRu, String nameUz, String nameEn) {
        static CategoryView of(Category c) {
            return new CategoryView(c.id, c.slug, c.nameRu, c.nameUz, c.nameEn);
        }
    }

    record ServiceView(UUID id, UUID salonId, UUID categoryId, String nameRu, String nameUz, String nameEn,
                       int durationMinutes, long price, String currency, int bufferBeforeMinutes,
                       int bufferAfterMinutes, boolean homeService, String ikpuCode, String packageCode,
                       int vatPercent) {
        static ServiceView of(BeautyService s) {
            return new ServiceView(s.id, s.salonId, s.categoryId, s.nameRu, s.nameUz, s.nameEn, s.durationMinutes,
                    s.priceTiyin, "UZS", s.bufferBeforeMinutes, s.bufferAfterMinutes, s.homeService, s.ikpuCode,
                    s.packageCode, s.vatPercent);
        }
    }

    record MasterView(UUID id, UUID salonId, String name, String photoUrl, String specialisation,
                      int experienceYears, boolean linkedAccount) {
        static MasterView of(Master m) {
            return new MasterView(m.id, m.salonId, m.name, m.photoUrl, m.specialisation, m.experienceYears,
                    m.userId != null);
        }
    }

    /** A master's date override: without times a day off. */
    record DayView(String date, boolean dayOff, String startsAt, String endsAt, String reason) {
        static DayView of(MasterDateOverride o) {
            return new DayView(o.day.toString(), o.startsAt == null, o.startsAt == null ? null : o.startsAt.toString(),
                    o.endsAt == null ? null : o.endsAt.toString(), o.reason);
        }
    }

    record ClosureView(UUID id, String startsAt, String endsAt, String reason) {
        static ClosureView of(SalonClosure c) {
            return new ClosureView(c.id, c.startsAt.toString(), c.endsAt.toString(), c.reason);
        }
    }

    /** {@code code} only in the answer that creates the invitation: it is stored as a hash only. */
    record InvitationView(UUID id, UUID salonId, UUID masterId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String code, OffsetDateTime createdAt,
                          OffsetDateTime expiresAt, boolean expired) {
        static InvitationView of(MasterInvitation i, UUID salonId, String code) {
            return new InvitationView(i.id, salonId, i.masterId, code, utc(i.createdAt), utc(i.expiresAt),
                    i.expired(Instant.now()));
        }

        private static OffsetDateTime utc(Instant at) {
            return at.atOffset(ZoneOffset.UTC);
        }
    }

    /** An interval as the owner wrote it; a midnight close reads 24:00, a later one sets closesNextDay. */
    record OpeningHoursView(int dayOfWeek, String opensAt, String closesAt, boolean closesNextDay) {
        static OpeningHoursView of(SalonOpeningHours h) {
            return new OpeningHoursView(h.dayOfWeek, h.opensAt.toString(),
                    h.closesAt.equals(LocalTime.MIDNIGHT) ? "24:00" : h.closesAt.toString(), h.closesNextDay());
        }

        static List<OpeningHoursView> of(List<SalonOpeningHours> hours) {
            return hours.stream().map(OpeningHoursView::of).toList();
        }
    }

    record WeekView(String timeZone, boolean openNow, List<OpeningHoursView> hours) {
        static WeekView of(OpeningHoursService.Week week) {
            return new WeekView(week.timeZone(), week.openNow(), OpeningHoursView.of(week.hours()));
        }
    }
}
