package uz.aurelle.marketplace.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Builds salons with services, masters and weekly hours straight in the test database, each test
 * with fresh UUIDs so tests stay independent and re-runnable.
 */
public final class Fixtures {

    public static final UUID HAIR = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private Fixtures() {
    }

    public record SalonFixture(UUID salonId, UUID ownerId, UUID serviceId, UUID masterId, UUID masterUserId,
                               UUID secondMasterId, UUID otherServiceId, ZoneId zone) {

        public OffsetDateTime at(LocalDate date, String time) {
            return date.atTime(LocalTime.parse(time)).atZone(zone).toOffsetDateTime();
        }
    }

    /** Options; defaults give an ACTIVE Tashkent salon, masters working 09:00-18:00 with a 13:00-14:00 break daily. */
    public static final class Spec {
        String status = "ACTIVE";
        String zone = "Asia/Tashkent";
        boolean prepayment = false;
        int slotInterval = 30;
        int minNotice = 60;
        int horizonDays = 30;
        int holdMinutes = 15;
        int cancellationWindowHours = 2;
        String hoursFrom = "09:00";
        String hoursTo = "18:00";
        boolean withBreak = true;
        long price = 15_000_000L;
        int duration = 60;
        int bufferBefore = 0;
        int bufferAfter = 0;

        public Spec status(String v) { status = v; return this; }
        public Spec zone(String v) { zone = v; return this; }
        public Spec prepayment(boolean v) { prepayment = v; return this; }
        public Spec slotInterval(int v) { slotInterval = v; return this; }
        public Spec minNotice(int v) { minNotice = v; return this; }
        public Spec horizonDays(int v) { horizonDays = v; return this; }
        public Spec holdMinutes(int v) { holdMinutes = v; return this; }
        public Spec cancellationWindowHours(int v) { cancellationWindowHours = v; return this; }
        public Spec hours(String from, String to) { hoursFrom = from; hoursTo = to; return this; }
        public Spec noBreak() { withBreak = false; return this; }
        public Spec price(long v) { price = v; return this; }
        public Spec duration(int v) { duration = v; return this; }
        public Spec buffers(int before, int after) { bufferBefore = before; bufferAfter = after; return this; }
    }

    public static Spec spec() {
        return new Spec();
    }

    public static SalonFixture salon() {
        return salon(spec());
    }

    public static SalonFixture salon(Spec s) {
        UUID salon = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Db.update("INSERT INTO salon (id, owner_id, name_ru, name_uz, name_en, address, latitude, longitude, phone,"
                        + " time_zone, slot_interval_minutes, min_notice_minutes, horizon_days, hold_minutes,"
                        + " prepayment_required, cancellation_window_hours, status)"
                        + " VALUES (?, ?, 'Салон', 'Salon', 'Salon', 'Amir Temur 1', 41.31, 69.28, '+998901234567',"
                        + " ?, ?, ?, ?, ?, ?, ?, ?)",
                salon, owner, s.zone, s.slotInterval, s.minNotice, s.horizonDays, s.holdMinutes, s.prepayment,
                s.cancellationWindowHours, s.status);
        UUID service = service(salon, s.price, s.duration, s.bufferBefore, s.bufferAfter);
        UUID other = service(salon, 9_000_000L, 30, 0, 0);
        UUID masterUser = UUID.randomUUID();
        UUID master = master(salon, masterUser);
        UUID second = master(salon, null);
        for (UUID m : List.of(master, second)) {
            Db.update("INSERT INTO master_service (master_id, service_id) VALUES (?, ?)", m, service);
            weeklyHours(m, s.hoursFrom, s.hoursTo, s.withBreak);
        }
        // Only the first master does the second service.
        Db.update("INSERT INTO master_service (master_id, service_id) VALUES (?, ?)", master, other);
        return new SalonFixture(salon, owner, service, master, masterUser, second, other, ZoneId.of(s.zone));
    }

    public static UUID service(UUID salon, long price, int duration, int bufferBefore, int bufferAfter) {
        UUID id = UUID.randomUUID();
        Db.update("INSERT INTO salon_service (id, salon_id, category_id, name_ru, name_uz, name_en, duration_minutes,"
                        + " price_tiyin, buffer_before_minutes, buffer_after_minutes, ikpu_code, package_code)"
                        + " VALUES (?, ?, ?, 'Стрижка', 'Soch olish', 'Haircut', ?, ?, ?, ?, '10201001001000000', '1497077')",
                id, salon, HAIR, duration, price, bufferBefore, bufferAfter);
        return id;
    }

    public static UUID master(UUID salon, UUID userId) {
        UUID id = UUID.randomUUID();
        Db.update("INSERT INTO master (id, salon_id, user_id, name, specialisation, experience_years)"
                + " VALUES (?, ?, ?, 'Dilnoza', 'Stylist', 5)", id, salon, userId);
        return id;
    }

    public static void weeklyHours(UUID master, String from, String to, boolean withBreak) {
        for (int day = 1; day <= 7; day++) {
            Db.update("INSERT INTO master_working_hours (id, master_id, day_of_week, starts_at, ends_at)"
                    + " VALUES (?, ?, ?, ?::time, ?::time)", UUID.randomUUID(), master, day, from, to);
            if (withBreak) {
                Db.update("INSERT INTO master_break (id, master_id, day_of_week, starts_at, ends_at)"
                        + " VALUES (?, ?, ?, '13:00', '14:00')", UUID.randomUUID(), master, day);
            }
        }
    }

    public static void dayOff(UUID master, LocalDate day) {
        Db.update("INSERT INTO master_date_override (id, master_id, day, reason) VALUES (?, ?, ?, 'vacation')",
                UUID.randomUUID(), master, day);
    }

    /** A confirmed one-hour booking written straight into the table on {@code c}, as another transaction would. */
    public static void insertBooking(java.sql.Connection c, SalonFixture f, UUID master, OffsetDateTime start) {
        Db.update(c, "INSERT INTO booking (id, client_id, salon_id, service_id, master_id, starts_at, ends_at,"
                        + " occupied_from, occupied_to, time_zone, status, service_title, price_tiyin, amount_tiyin,"
                        + " prepayment_required) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 'Haircut',"
                        + " 15000000, 15000000, false)",
                UUID.randomUUID(), UUID.randomUUID(), f.salonId(), f.serviceId(), master, start,
                start.plusHours(1), start, start.plusHours(1), f.zone().getId());
    }

    /** A local date some days ahead in the zone, far enough for any minimum notice. */
    public static LocalDate daysAhead(ZoneId zone, int days) {
        return LocalDate.now(zone).plusDays(days);
    }
}
