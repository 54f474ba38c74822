package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import uz.aurelle.marketplace.BeautyService;
import uz.aurelle.marketplace.Booking;
import uz.aurelle.marketplace.BookingStatus;
import uz.aurelle.marketplace.Master;
import uz.aurelle.marketplace.MasterBreak;
import uz.aurelle.marketplace.MasterOffer;
import uz.aurelle.marketplace.MasterWorkingHours;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.SalonOpeningHours;
import uz.aurelle.marketplace.SalonStatus;
import uz.aurelle.marketplace.config.MarketplaceConfig;

/**
 * A realistic Tashkent data set for the local run (off by default): 36 active salons across the
 * city's districts with opening hours, masters, services priced in tiyin with IKPU codes, weekly schedules, past
 * completed bookings with reviews and a few upcoming ones. Loaded once; a second start finds the
 * first demo salon and does nothing. Ids are fixed so the auth engineer can seed matching accounts.
 */
@ApplicationScoped
public class DemoData {

    /** Salon owners (role SALON_OWNER); salon i belongs to OWNERS[i % 4]. */
    public static final List<UUID> OWNERS = List.of(
            UUID.fromString("0a0e0000-0000-4000-a000-000000000001"),
            UUID.fromString("0a0e0000-0000-4000-a000-000000000002"),
            UUID.fromString("0a0e0000-0000-4000-a000-000000000003"),
            UUID.fromString("0a0e0000-0000-4000-a000-000000000004"));
    /**
     * MASTER accounts linked to the first master of salons 0..3, seeded as if they had accepted an
     * invitation (the API links accounts only through invitations).
     */
    public static final List<UUID> MASTER_USERS = List.of(
            UUID.fromString("0a0e0000-0000-4000-b000-000000000001"),
            UUID.fromString("0a0e0000-0000-4000-b000-000000000002"),
            UUID.fromString("0a0e0000-0000-4000-b000-000000000003"),
            UUID.fromString("0a0e0000-0000-4000-b000-000000000004"));
    /** CLIENT accounts that own the demo bookings and reviews. */
    public static final List<UUID> CLIENTS = List.of(
            UUID.fromString("0a0e0000-0000-4000-c000-000000000001"),
            UUID.fromString("0a0e0000-0000-4000-c000-000000000002"),
            UUID.fromString("0a0e0000-0000-4000-c000-000000000003"));

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    record District(String uz, String ru, double lat, double lon) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("Yunusobod", "Юнусабад", 41.3650, 69.2870),
            new District("Chilonzor", "Чиланзар", 41.2750, 69.2040),
            new District("Mirzo Ulugʻbek", "Мирзо-Улугбек", 41.3380, 69.3350),
            new District("Yakkasaroy", "Яккасарай", 41.2880, 69.2540),
            new District("Shayxontohur", "Шайхантахур", 41.3260, 69.2300),
            new District("Mirobod", "Мирабад", 41.2900, 69.2850),
            new District("Olmazor", "Алмазар", 41.3500, 69.2200),
            new District("Sergeli", "Сергели", 41.2270, 69.2200),
            new District("Uchtepa", "Учтепа", 41.2880, 69.1800),
            new District("Yashnobod", "Яшнабад", 41.2960, 69.3300),
            new District("Bektemir", "Бектемир", 41.2090, 69.3340),
            new District("Yangihayot", "Янгихаёт", 41.2000, 69.2400));

    /** Brand names: Latin (uz/en) and Cyrillic (ru). */
    static final String[][] BRANDS = {
            {"Nilufar Beauty", "Нилуфар Бьюти"}, {"Gulnora Style", "Гульнора Стайл"},
            {"Barber House", "Барбер Хаус"}, {"Lola Nails", "Лола Нейлс"}, {"Zumrad Spa", "Зумрад Спа"},
            {"Oydin Studio", "Ойдин Студио"}, {"Sitora Lounge", "Ситора Лаунж"}, {"Malika Beauty Bar", "Малика Бьюти Бар"},
            {"Shahzoda Salon", "Шахзода Салон"}, {"Kamola Brows", "Камола Броус"}, {"Dilnoza Glam", "Дилноза Глэм"},
            {"Bahor Beauty", "Бахор Бьюти"}, {"Sevara Hair", "Севара Хэйр"}, {"Nodira Spa", "Нодира Спа"},
            {"Ziyoda Studio", "Зиёда Студио"}, {"Tumaris Beauty", "Томарис Бьюти"}, {"Barber Bek", "Барбер Бек"},
            {"Mohira Nails", "Мохира Нейлс"}, {"Aziza Glow", "Азиза Глоу"}, {"Laylo Beauty", "Лайло Бьюти"},
            {"Madina Style", "Мадина Стайл"}, {"Charos Spa", "Чарос Спа"}, {"Feruza Lashes", "Феруза Лэшес"},
            {"Gavhar Studio", "Гавхар Студио"}, {"Jasur Barber", "Жасур Барбер"}, {"Nozima Beauty", "Нозима Бьюти"},
            {"Rayhon Salon", "Райхон Салон"}, {"Shirin Beauty", "Ширин Бьюти"}, {"Umida Hair", "Умида Хэйр"},
            {"Yulduz Spa", "Юлдуз Спа"}, {"Zarina Nails", "Зарина Нейлс"}, {"Asal Beauty", "Асал Бьюти"},
            {"Durdona Studio", "Дурдона Студио"}, {"Farangiz Glam", "Фарангиз Глэм"}, {"Hilola Beauty", "Хилола Бьюти"},
            {"Oltin Qaychi", "Олтин Кайчи"}};

    /** name ru/uz/en, category slug index (1-based ids from V1), minutes, price in UZS, illustrative IKPU code. */
    record Template(String ru, String uz, String en, int category, int minutes, long priceUzs, String ikpu,
                    boolean home) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("Женская стрижка", "Ayollar soch turmagi", "Women's haircut", 1, 60, 120_000, "10201001001000001", false),
            new Template("Окрашивание волос", "Soch boʻyash", "Hair colouring", 1, 120, 350_000, "10201001002000001", false),
            new Template("Маникюр с покрытием", "Manikyur (qoplama bilan)", "Gel manicure", 2, 90, 150_000, "10201002001000001", true),
            new Template("Педикюр", "Pedikyur", "Pedicure", 2, 90, 180_000, "10201002002000001", false),
            new Template("Вечерний макияж", "Kechki pardoz", "Evening makeup", 3, 60, 200_000, "10201003001000001", true),
            new Template("СПА-уход для лица", "Yuz uchun SPA parvarish", "Facial spa", 4, 75, 250_000, "10201004001000001", false),
            new Template("Мужская стрижка", "Erkaklar soch olishi", "Men's haircut", 5, 45, 80_000, "10201005001000001", false),
            new Template("Стрижка бороды", "Soqol olish", "Beard trim", 5, 30, 50_000, "10201005002000001", false),
            new Template("Чистка лица", "Yuzni tozalash", "Facial cleansing", 6, 60, 220_000, "10201006001000001", false),
            new Template("Классический массаж", "Klassik massaj", "Classic massage", 7, 60, 200_000, "10201007001000001", true),
            new Template("Коррекция бровей", "Qosh tuzatish", "Brow shaping", 8, 30, 60_000, "10201008001000001", false),
            new Template("Наращивание ресниц", "Kiprik uzaytirish", "Lash extensions", 8, 120, 300_000, "10201008002000001", false));

    static final String[] MASTER_NAMES = {"Dilnoza Karimova", "Shahlo Yusupova", "Gulbahor Rashidova", "Nargiza Aliyeva",
            "Sardor Toshmatov", "Madina Ergasheva", "Zilola Nazarova", "Bekzod Qodirov", "Feruza Saidova",
            "Komila Rahimova", "Javohir Umarov", "Mohinur Xolmatova"};

    static final String[] REVIEWS = {"Очень довольна, мастер — профессионал!", "Hammasi zoʻr, yana kelaman!",
            "Уютно, чисто, вовремя приняли.", "Juda yoqdi, rahmat!", "Отличный сервис, рекомендую."};

    private final MarketplaceConfig config;

    public DemoData(MarketplaceConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.demoData().enabled()) {
            int salons = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::load));
            Log.infof("demo data: %s", salons == 0 ? "already present" : salons + " salons loaded");
        }
    }

    public static UUID salonId(int i) {
        return UUID.nameUUIDFromBytes(("aurelle-demo-salon-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Loads the data set unless it is there already; returns the number of salons created. */
    public Uni<Integer> load() {
        return Panache.getSession().chain(session -> session.find(Salon.class, salonId(0)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(0);
            }
            List<Object> rows = new ArrayList<>();
            List<UUID[]> reviewable = new ArrayList<>();
            build(rows, reviewable);
            return session.persistAll(rows.toArray()).chain(session::flush)
                    .chain(() -> reviews(session, reviewable))
                    .replaceWith(BRANDS.length);
        }));
    }

    private void build(List<Object> rows, List<UUID[]> reviewable) {
        Random random = new Random(20261125L);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(TASHKENT);
        for (int i = 0; i < BRANDS.length; i++) {
            District district = DISTRICTS.get(i % DISTRICTS.size());
            Salon salon = new Salon();
            salon.id = salonId(i);
            salon.ownerId = OWNERS.get(i % OWNERS.size());
            salon.nameUz = BRANDS[i][0];
            salon.nameEn = BRANDS[i][0];
            salon.nameRu = BRANDS[i][1];
            salon.descriptionUz = "Toshkent, " + district.uz() + " tumanidagi goʻzallik saloni.";
            salon.descriptionRu = "Салон красоты в " + district.ru() + "ском районе Ташкента.";
            salon.descriptionEn = "Beauty salon in " + district.uz() + " district, Tashkent.";
            salon.address = district.uz() + " tumani, " + (1 + random.nextInt(40)) + "-uy";
            salon.city = "Tashkent";
            salon.latitude = round(district.lat() + (random.nextDouble() - 0.5) * 0.02);
            salon.longitude = round(district.lon() + (random.nextDouble() - 0.5) * 0.02);
            salon.phone = "+99871" + (2000000 + random.nextInt(7999999));
            salon.photos = new String[] {"https://cdn.aurelle.uz/demo/salon-" + i + "-1.jpg",
                    "https://cdn.aurelle.uz/demo/salon-" + i + "-2.jpg"};
            salon.timeZone = TASHKENT.getId();
            salon.slotIntervalMinutes = 15;
            salon.minNoticeMinutes = 60;
            salon.horizonDays = 60;
            salon.holdMinutes = 15;
            salon.prepaymentRequired = i % 3 == 0;
            salon.cancellationWindowHours = 2;
            salon.refundTiers = "24:100,12:50,0:0";
            salon.status = SalonStatus.ACTIVE;
            salon.createdAt = now;
            salon.updatedAt = now;
            rows.add(salon);
            rows.addAll(openingHours(salon.id, i));

            List<BeautyService> services = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                Template template = TEMPLATES.get((i + t * 5) % TEMPLATES.size());
                if (services.stream().anyMatch(s -> s.nameEn.equals(template.en()))) {
                    continue;
                }
                BeautyService service = new BeautyService();
                service.id = UUID.nameUUIDFromBytes(("aurelle-demo-service-" + i + "-" + t).getBytes(StandardCharsets.UTF_8));
                service.salonId = salon.id;
                service.categoryId = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", template.category()));
                service.nameRu = template.ru();
                service.nameUz = template.uz();
                service.nameEn = template.en();
                service.durationMinutes = template.minutes();
                // Prices vary a little between salons, rounded to 5 000 UZS, stored in tiyin.
                long uzs = Math.round(template.priceUzs() * (0.8 + random.nextDouble() * 0.5) / 5_000) * 5_000;
                service.priceTiyin = uzs * 100;
                service.bufferAfterMinutes = template.minutes() >= 90 ? 15 : 0;
                service.homeService = template.home();
                service.ikpuCode = template.ikpu();
                service.packageCode = "1497077";
                service.createdAt = now;
                services.add(service);
            }
            rows.addAll(services);

            for (int m = 0; m < 3; m++) {
                Master master = new Master();
                master.id = UUID.nameUUIDFromBytes(("aurelle-demo-master-" + i + "-" + m).getBytes(StandardCharsets.UTF_8));
                master.salonId = salon.id;
                master.userId = m == 0 && i < MASTER_USERS.size() ? MASTER_USERS.get(i) : null;
                master.name = MASTER_NAMES[(i * 3 + m) % MASTER_NAMES.length];
                master.photoUrl = "https://cdn.aurelle.uz/demo/master-" + i + "-" + m + ".jpg";
                master.specialisation = services.get(m % services.size()).nameEn;
                master.experienceYears = 2 + random.nextInt(12);
                master.createdAt = now.plusMillis(m);
                rows.add(master);
                for (BeautyService service : services) {
                    MasterOffer offer = new MasterOffer();
                    offer.masterId = master.id;
                    offer.serviceId = service.id;
                    rows.add(offer);
                }
                for (int day = 1; day <= 7; day++) {
                    MasterWorkingHours hours = new MasterWorkingHours();
                    hours.id = UUID.randomUUID();
                    hours.masterId = master.id;
                    hours.dayOfWeek = day;
                    hours.startsAt = day == 7 ? LocalTime.of(10, 0) : LocalTime.of(9, 0);
                    hours.endsAt = day == 7 ? LocalTime.of(18, 0) : LocalTime.of(20, 0);
                    rows.add(hours);
                    MasterBreak pause = new MasterBreak();
                    pause.id = UUID.randomUUID();
                    pause.masterId = master.id;
                    pause.dayOfWeek = day;
                    pause.startsAt = LocalTime.of(13, 0);
                    pause.endsAt = LocalTime.of(14, 0);
                    rows.add(pause);
                }
                if (i < 12) {
                    BeautyService service = services.get(m % services.size());
                    UUID client = CLIENTS.get((i + m) % CLIENTS.size());
                    Booking past = booking(salon, service, master.id, client,
                            today.minusDays(3 + m).atTime(10 + m, 0), BookingStatus.COMPLETED, now);
                    rows.add(past);
                    reviewable.add(new UUID[] {past.id, salon.id, master.id, client});
                    if (m == 0) {
                        rows.add(booking(salon, service, master.id, CLIENTS.get(i % CLIENTS.size()),
                                today.plusDays(2).atTime(15, 0), BookingStatus.CONFIRMED, now));
                    }
                }
            }
        }
    }

    /**
     * Public hours by kind of salon: barbers 10:00-22:00 daily, Barber Bek until 02:00 on Friday and
     * Saturday nights, Zumrad Spa round the clock, a few with a lunch break on weekdays, every fifth
     * closed on Sunday, the rest 09:00-21:00 and Sunday 10:00-18:00.
     */
    static List<SalonOpeningHours> openingHours(UUID salonId, int i) {
        List<SalonOpeningHours> hours = new ArrayList<>();
        String brand = BRANDS[i][0];
        for (int day = 1; day <= 7; day++) {
            if (brand.equals("Zumrad Spa")) {
                hours.add(new SalonOpeningHours(salonId, day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            } else if (brand.contains("Barber")) {
                LocalTime closes = brand.equals("Barber Bek") && (day == 5 || day == 6) ? LocalTime.of(2, 0)
                        : LocalTime.of(22, 0);
                hours.add(new SalonOpeningHours(salonId, day, LocalTime.of(10, 0), closes));
            } else if (day == 7) {
                if (i % 5 != 1) {
                    hours.add(new SalonOpeningHours(salonId, day, LocalTime.of(10, 0), LocalTime.of(18, 0)));
                }
            } else if (i % 7 == 3 && day <= 5) {
                hours.add(new SalonOpeningHours(salonId, day, LocalTime.of(9, 0), LocalTime.of(13, 0)));
                hours.add(new SalonOpeningHours(salonId, day, LocalTime.of(14, 0), LocalTime.of(20, 0)));
            } else {
                hours.add(new SalonOpeningHours(salonId, day, LocalTime.of(9, 0), LocalTime.of(21, 0)));
            }
        }
        return hours;
    }

    private static Booking booking(Salon salon, BeautyService service, UUID masterId, UUID client,
                                   java.time.LocalDateTime local, BookingStatus status, Instant now) {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.clientId = client;
        b.salonId = salon.id;
        b.serviceId = service.id;
        b.masterId = masterId;
        b.startsAt = local.atZone(TASHKENT).toInstant();
        b.endsAt = b.startsAt.plus(Duration.ofMinutes(service.durationMinutes));
        b.occupiedFrom = b.startsAt;
        b.occupiedTo = b.endsAt.plus(Duration.ofMinutes(service.bufferAfterMinutes));
        b.timeZone = salon.timeZone;
        b.status = status;
        b.serviceTitle = service.nameRu;
        b.ikpuCode = service.ikpuCode;
        b.packageCode = service.packageCode;
        b.priceTiyin = service.priceTiyin;
        b.amountTiyin = service.priceTiyin;
        b.currency = "UZS";
        b.prepaymentRequired = false;
        b.paid = status == BookingStatus.COMPLETED;
        b.createdAt = now;
        b.updatedAt = now;
        return b;
    }

    private static Uni<Void> reviews(Mutiny.Session session, List<UUID[]> reviewable) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int k = 0; k < reviewable.size(); k++) {
            UUID[] r = reviewable.get(k);
            int rating = k % 7 == 3 ? 4 : 5;
            String text = REVIEWS[k % REVIEWS.length];
            chain = chain.chain(() -> session.createNativeQuery("INSERT INTO review (id, booking_id, salon_id,"
                            + " master_id, client_id, rating, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, r[0]).setParameter(3, r[1])
                    .setParameter(4, r[2]).setParameter(5, r[3]).setParameter(6, rating).setParameter(7, text)
                    .executeUpdate().replaceWithVoid());
        }
        return chain
                .chain(() -> session.createNativeQuery("UPDATE salon s SET rating_avg = x.avg, rating_count = x.cnt"
                        + " FROM (SELECT salon_id, avg(rating) AS avg, count(*) AS cnt FROM review WHERE deleted_at IS NULL"
                        + " AND NOT hidden GROUP BY salon_id) x WHERE s.id = x.salon_id").executeUpdate())
                .chain(() -> session.createNativeQuery("UPDATE master m SET rating_avg = x.avg, rating_count = x.cnt"
                        + " FROM (SELECT master_id, avg(rating) AS avg, count(*) AS cnt FROM review WHERE deleted_at IS NULL"
                        + " AND NOT hidden GROUP BY master_id) x WHERE m.id = x.master_id").executeUpdate())
                .replaceWithVoid();
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
