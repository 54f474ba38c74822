package uz.aurelle.marketplace.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.rest.CatalogueViews.OpeningHoursView;
import uz.aurelle.marketplace.service.OpeningHoursService;
import uz.aurelle.marketplace.service.RefundPolicy;

/** A salon profile; the detail ({@code GET /api/salons/{id}}) adds its opening hours and open-now flag. */
public record SalonView(UUID id, UUID ownerId, String nameRu, String nameUz, String nameEn, String descriptionRu,
                        String descriptionUz, String descriptionEn, String address, String city, double latitude,
                        double longitude, String phone, List<String> photos, String timeZone,
                        int slotIntervalMinutes, int minNoticeMinutes, int horizonDays, int holdMinutes,
                        boolean prepaymentRequired, int cancellationWindowHours, List<RefundPolicy.Tier> refundTiers,
                        String status, String statusReason, OffsetDateTime createdAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<OpeningHoursView> openingHours,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean openNow) {

    public static SalonView of(Salon s) {
        return of(s, null, null);
    }

    public static SalonView of(OpeningHoursService.Detail detail) {
        return of(detail.salon(), OpeningHoursView.of(detail.week().hours()), detail.week().openNow());
    }

    private static SalonView of(Salon s, List<OpeningHoursView> openingHours, Boolean openNow) {
        return new SalonView(s.id, s.ownerId, s.nameRu, s.nameUz, s.nameEn, s.descriptionRu, s.descriptionUz,
                s.descriptionEn, s.address, s.city, s.latitude, s.longitude, s.phone,
                s.photos == null ? List.of() : List.of(s.photos), s.timeZone, s.slotIntervalMinutes,
                s.minNoticeMinutes, s.horizonDays, s.holdMinutes, s.prepaymentRequired, s.cancellationWindowHours,
                RefundPolicy.parse(s.refundTiers).tiers(), s.status.name(), s.statusReason,
                s.createdAt == null ? null : s.createdAt.atOffset(ZoneOffset.UTC), openingHours, openNow);
    }
}
