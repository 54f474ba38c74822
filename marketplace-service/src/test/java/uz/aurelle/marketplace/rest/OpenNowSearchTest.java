package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static uz.aurelle.marketplace.rest.OpeningHoursTest.aroundNow;
import static uz.aurelle.marketplace.rest.OpeningHoursTest.everyDay;
import static uz.aurelle.marketplace.rest.OpeningHoursTest.putAsOwner;
import static uz.aurelle.marketplace.rest.SalonSearchTest.RANDOM;
import static uz.aurelle.marketplace.rest.SalonSearchTest.ids;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** openNow=true on search and on the map: each salon's own wall clock, its closures, computed at request time. */
@QuarkusTest
class OpenNowSearchTest {

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static SalonFixture placed(String zone, String name, double lat, double lon) {
        SalonFixture f = Fixtures.salon(Fixtures.spec().zone(zone));
        Db.update("UPDATE salon SET name_ru = ?, name_uz = ?, name_en = ?, latitude = ?, longitude = ? WHERE id = ?",
                name, name, name, lat, lon, f.salonId());
        return f;
    }

    /** Of the two zones, one whose wall clock is well away from midnight, so "today" cannot change under the test. */
    static ZoneId awayFromMidnight() {
        LocalTime t = LocalTime.now(TASHKENT);
        return t.isAfter(LocalTime.of(0, 30)) && t.isBefore(LocalTime.of(23, 30)) ? TASHKENT : NEW_YORK;
    }

    @Test
    void onlySalonsOpenOnTheirOwnClockRightNowAreFound() {
        double lat = 38 + RANDOM.nextDouble() * 4;
        double lon = 57 + RANDOM.nextDouble() * 10;
        String t = SalonSearchTest.token();
        SalonFixture open = placed("Asia/Tashkent", "Open " + t, lat, lon);
        putAsOwner(open, List.of(aroundNow(TASHKENT, -60, 60))).then().statusCode(200);
        SalonFixture newYorkOpen = placed("America/New_York", "NY open " + t, lat, lon + 0.001);
        putAsOwner(newYorkOpen, List.of(aroundNow(NEW_YORK, -60, 60))).then().statusCode(200);

        // Opens later (hours ahead of now on its clock).
        SalonFixture later = placed("Asia/Tashkent", "Later " + t, lat + 0.001, lon);
        putAsOwner(later, List.of(aroundNow(TASHKENT, 120, 240))).then().statusCode(200);
        // Tashkent's present wall-clock hours, but in New York, where it is 9-10 hours earlier.
        SalonFixture newYorkClosed = placed("America/New_York", "NY closed " + t, lat + 0.001, lon + 0.001);
        putAsOwner(newYorkClosed, List.of(aroundNow(TASHKENT, -60, 60))).then().statusCode(200);
        // Round the clock on every day but today.
        ZoneId zone = awayFromMidnight();
        SalonFixture dayOff = placed(zone.getId(), "Day off " + t, lat - 0.001, lon);
        int today = ZonedDateTime.now(zone).getDayOfWeek().getValue();
        putAsOwner(dayOff, everyDay("00:00", "24:00").stream().filter(d -> !d.get("dayOfWeek").equals(today))
                .toList()).then().statusCode(200).body("openNow", equalTo(false));
        // Round the clock, but closed for renovation right now.
        SalonFixture closure = placed("Asia/Tashkent", "Closure " + t, lat - 0.001, lon - 0.001);
        putAsOwner(closure, everyDay("00:00", "24:00")).then().statusCode(200);
        ZonedDateTime now = ZonedDateTime.now(TASHKENT);
        Db.update("INSERT INTO salon_closure (id, salon_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?, 'works')",
                UUID.randomUUID(), closure.salonId(), now.minusHours(1).toOffsetDateTime(),
                now.plusHours(1).toOffsetDateTime());
        // No published hours at all.
        SalonFixture unknown = placed("Asia/Tashkent", "Unknown " + t, lat, lon - 0.001);

        String here = "lat=" + lat + "&lon=" + lon + "&radiusKm=1";
        List<String> everyone = List.of(open, newYorkOpen, later, newYorkClosed, dayOff, closure, unknown).stream()
                .map(f -> f.salonId().toString()).toList();
        assertThat(ids(here)).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(ids(here + "&openNow=false")).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(ids(here + "&openNow=true"))
                .containsExactlyInAnyOrder(open.salonId().toString(), newYorkOpen.salonId().toString());
        given().get("/api/salons?" + here + "&openNow=true&sort=rating&size=1").then().statusCode(200)
                .body("total", equalTo(2));
        // With text (ranked path) and on the map feed, the same answer.
        assertThat(ids("q=" + t + "&openNow=TRUE"))
                .containsExactlyInAnyOrder(open.salonId().toString(), newYorkOpen.salonId().toString());
        given().get("/api/salons/map?" + here + "&openNow=true").then().statusCode(200)
                .body("id", containsInAnyOrder(open.salonId().toString(), newYorkOpen.salonId().toString()));
        given().get("/api/salons/map?" + here).then().statusCode(200)
                .body("id", containsInAnyOrder(everyone.toArray()));

        // Hours changed by the owner take effect at once.
        putAsOwner(later, List.of(aroundNow(TASHKENT, -30, 30))).then().statusCode(200);
        assertThat(ids(here + "&openNow=true")).containsExactlyInAnyOrder(open.salonId().toString(),
                newYorkOpen.salonId().toString(), later.salonId().toString());
    }

    @Test
    void openNowMustBeTrueOrFalse() {
        for (String bad : List.of("maybe", "1", "yes", "open")) {
            for (String path : List.of("/api/salons", "/api/salons/map")) {
                given().queryParams(Map.of("openNow", bad)).get(path).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("code", equalTo("invalid_parameter")).body("parameter", equalTo("openNow"));
            }
        }
    }
}
