package uz.aurelle.marketplace.rest;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Category;
import uz.aurelle.marketplace.Master;
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
