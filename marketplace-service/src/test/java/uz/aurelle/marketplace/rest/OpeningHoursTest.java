package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** PUT/GET /api/salons/{id}/opening-hours, the detail's openNow, and the rule PostgreSQL applies. */
@QuarkusTest
class OpeningHoursTest {

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    static Map<String, Object> interval(Integer day, String opens, String closes) {
        Map<String, Object> m = new HashMap<>();
        m.put("dayOfWeek", day);
        m.put("opensAt", opens);
        m.put("closesAt", closes);
        return m;
    }

    static List<Map<String, Object>> everyDay(String opens, String closes) {
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            week.add(interval(day, opens, closes));
        }
        return week;
    }

    /** [now + from, now + to) on the salon's wall clock, filed under the weekday it opens on. */
    static Map<String, Object> aroundNow(ZoneId zone, int fromMinutes, int toMinutes) {
        ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime opens = now.plusMinutes(fromMinutes);
        return interval(opens.getDayOfWeek().getValue(), opens.toLocalTime().toString(),
                now.plusMinutes(toMinutes).toLocalTime().toString());
    }

    static Map<String, Object> closure(ZonedDateTime from, ZonedDateTime to) {
        return Map.of("startsAt", from.toOffsetDateTime().toString(), "endsAt", to.toOffsetDateTime().toString(),
                "reason", "renovation");
    }

    static Response put(String token, UUID salonId, Object hours) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("hours", hours))
                .put("/api/salons/{id}/opening-hours", salonId);
    }

    static Response putAsOwner(SalonFixture f, Object hours) {
        return put(TestTokens.owner(f.ownerId()), f.salonId(), hours);
    }

    @Test
    void anOwnerPublishesTheWeekAndEveryoneReadsIt() {
        SalonFixture f = Fixtures.salon();
        List<Map<String, Object>> week = new ArrayList<>(List.of(
                interval(5, "20:00", "02:00"), interval(1, "14:00", "20:00"), interval(1, "09:00", "13:00"),
                interval(2, "09:00", "24:00"), interval(7, "00:00", "24:00")));
        putAsOwner(f, week).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tashkent"))
                .body("hours.dayOfWeek", contains(1, 1, 2, 5, 7))
                .body("hours.opensAt", contains("09:00", "14:00", "09:00", "20:00", "00:00"))
                .body("hours.closesAt", contains("13:00", "20:00", "24:00", "02:00", "24:00"))
                .body("hours.closesNextDay", contains(false, false, false, true, false));

        given().get("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(200)
                .body("hours", hasSize(5)).body("hours[3].closesAt", equalTo("02:00"));
        given().get("/api/salons/{id}", f.salonId()).then().statusCode(200)
                .body("openingHours", hasSize(5)).body("openingHours[0].opensAt", equalTo("09:00"));

        // The week is replaced, not merged; an empty list clears it.
        putAsOwner(f, List.of(interval(3, "10:00", "18:00"))).then().statusCode(200).body("hours", hasSize(1));
        assertThat(Db.scalar("SELECT count(*) FROM salon_opening_hours WHERE salon_id = ?", f.salonId()))
                .isEqualTo(1L);
        putAsOwner(f, List.of()).then().statusCode(200).body("hours", hasSize(0)).body("openNow", equalTo(false));
        given().get("/api/salons/{id}", f.salonId()).then().statusCode(200)
                .body("openingHours", hasSize(0)).body("openNow", equalTo(false));
    }

    @Test
    void onlyTheOwnerOrAnAdminMayChangeTheHours() {
        SalonFixture f = Fixtures.salon();
        List<Map<String, Object>> week = everyDay("09:00", "21:00");
        given().contentType(ContentType.JSON).body(Map.of("hours", week))
                .put("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(401);
        put(TestTokens.client(UUID.randomUUID()), f.salonId(), week).then().statusCode(403);
        // Another owner's salon looks absent, as on every owner endpoint.
        put(TestTokens.owner(UUID.randomUUID()), f.salonId(), week).then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        assertThat(Db.scalar("SELECT count(*) FROM salon_opening_hours WHERE salon_id = ?", f.salonId()))
                .isEqualTo(0L);
        put(TestTokens.admin(UUID.randomUUID()), f.salonId(), week).then().statusCode(200).body("hours", hasSize(7));
        put(TestTokens.owner(f.ownerId()), UUID.randomUUID(), week).then().statusCode(404);
    }

    @Test
    void hoursOfASalonNotYetPublicAreVisibleOnlyToItsOwner() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        putAsOwner(f, everyDay("09:00", "21:00")).then().statusCode(200);
        given().get("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(404);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/salons/{id}/opening-hours", f.salonId())
                .then().statusCode(200).body("hours", hasSize(7));
        given().get("/api/salons/{id}/opening-hours", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badWeeksAreRejectedFieldByFieldAndLeaveTheOldWeekAlone() {
        SalonFixture f = Fixtures.salon();
        putAsOwner(f, List.of(interval(1, "09:00", "18:00"))).then().statusCode(200);

        Map<List<Map<String, Object>>, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of(interval(0, "09:00", "18:00")), List.of("hours[0].dayOfWeek"));
        cases.put(List.of(interval(8, "09:00", "18:00")), List.of("hours[0].dayOfWeek"));
        cases.put(List.of(interval(null, "09:00", "18:00")), List.of("hours[0].dayOfWeek"));
        cases.put(List.of(interval(1, "9:00", "18:00")), List.of("hours[0].opensAt"));
        cases.put(List.of(interval(1, "24:00", "18:00")), List.of("hours[0].opensAt"));
        cases.put(List.of(interval(1, "09:00:30", "18:00")), List.of("hours[0].opensAt"));
        cases.put(List.of(interval(1, null, "18:00")), List.of("hours[0].opensAt"));
        cases.put(List.of(interval(1, "09:00", "24:30")), List.of("hours[0].closesAt"));
        cases.put(List.of(interval(1, "10:00", "10:00")), List.of("hours[0].closesAt"));
        // Several faulty fields are all named.
        cases.put(List.of(interval(1, "09:00", "18:00"), interval(9, "noon", "18:00")),
                List.of("hours[1].dayOfWeek", "hours[1].opensAt"));
        // Overlaps: the same day, a night running into the next morning, Sunday night into Monday.
        cases.put(List.of(interval(1, "09:00", "13:00"), interval(1, "12:00", "18:00")), List.of("hours[1]"));
        cases.put(List.of(interval(1, "22:00", "03:00"), interval(2, "02:00", "10:00")), List.of("hours[1]"));
        cases.put(List.of(interval(1, "01:00", "09:00"), interval(7, "22:00", "02:00")), List.of("hours[1]"));
        cases.put(List.of(interval(3, "00:00", "24:00"), interval(3, "12:00", "13:00")), List.of("hours[1]"));
        cases.put(List.of(interval(4, "09:00", "10:00"), interval(4, "09:00", "10:00")), List.of("hours[1]"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int h = 8; h < 18; h += 2) {
            tooMany.add(interval(2, String.format("%02d:00", h), String.format("%02d:00", h + 1)));
        }
        cases.put(tooMany, List.of("hours[4]"));

        cases.forEach((week, fields) -> putAsOwner(f, week).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", equalTo(fields)));

        given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON).body(Map.of())
                .put("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(400)
                .body("errors.field", contains("hours"));
        given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON)
                .body("{\"hours\": [{\"dayOfWeek\": \"monday\", \"opensAt\": \"09:00\", \"closesAt\": \"18:00\"}]}")
                .put("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(400)
                .body("code", equalTo("malformed_body")).body("errors.field", contains("hours[0].dayOfWeek"));
        given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON)
                .body("{\"hours\": \"always\"}")
                .put("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(400)
                .body("code", equalTo("malformed_body"));

        given().get("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(200)
                .body("hours", hasSize(1)).body("hours[0].opensAt", equalTo("09:00"));
        // Touching intervals do not overlap.
        putAsOwner(f, List.of(interval(1, "09:00", "13:00"), interval(1, "13:00", "18:00"),
                interval(7, "18:00", "00:00"), interval(1, "00:00", "02:00"))).then().statusCode(200)
                .body("hours", hasSize(4));
    }

    @Test
    void theDetailSaysWhetherTheSalonIsOpenOnItsOwnClock() {
        SalonFixture open = Fixtures.salon();
        putAsOwner(open, List.of(aroundNow(TASHKENT, -60, 60))).then().statusCode(200).body("openNow", equalTo(true));
        given().get("/api/salons/{id}", open.salonId()).then().statusCode(200).body("openNow", equalTo(true));

        SalonFixture later = Fixtures.salon();
        putAsOwner(later, List.of(aroundNow(TASHKENT, 120, 240))).then().statusCode(200)
                .body("openNow", equalTo(false));
        given().get("/api/salons/{id}", later.salonId()).then().statusCode(200).body("openNow", equalTo(false));

        // New York's wall clock is 9-10 hours behind Tashkent's: Tashkent's "now" there is closed.
        SalonFixture newYork = Fixtures.salon(Fixtures.spec().zone("America/New_York"));
        ZoneId ny = ZoneId.of("America/New_York");
        putAsOwner(newYork, List.of(aroundNow(TASHKENT, -60, 60))).then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("openNow", equalTo(false));
        putAsOwner(newYork, List.of(aroundNow(ny, -60, 60))).then().statusCode(200).body("openNow", equalTo(true));
        given().get("/api/salons/{id}", newYork.salonId()).then().statusCode(200).body("openNow", equalTo(true));
    }

    @Test
    void anActiveClosureClosesASalonThatIsOpenRoundTheClock() {
        SalonFixture f = Fixtures.salon();
        putAsOwner(f, everyDay("00:00", "24:00")).then().statusCode(200).body("openNow", equalTo(true));
        ZonedDateTime now = ZonedDateTime.now(TASHKENT);
        String owner = TestTokens.owner(f.ownerId());
        // A closure that is over, and one still ahead, change nothing.
        Api.post(owner, "/api/salons/" + f.salonId() + "/closures", closure(now.minusHours(5), now.minusHours(2)))
                .then().statusCode(201);
        Api.post(owner, "/api/salons/" + f.salonId() + "/closures", closure(now.plusHours(2), now.plusHours(5)))
                .then().statusCode(201);
        given().get("/api/salons/{id}", f.salonId()).then().statusCode(200).body("openNow", equalTo(true));

        String running = Api.post(owner, "/api/salons/" + f.salonId() + "/closures",
                closure(now.minusHours(1), now.plusHours(1))).then().statusCode(201).extract().path("id");
        given().get("/api/salons/{id}", f.salonId()).then().statusCode(200).body("openNow", equalTo(false));
        given().get("/api/salons/{id}/opening-hours", f.salonId()).then().statusCode(200)
                .body("openNow", equalTo(false)).body("hours", hasSize(7));

        given().auth().oauth2(owner).delete("/api/salons/{s}/closures/{c}", f.salonId(), running)
                .then().statusCode(204);
        given().get("/api/salons/{id}", f.salonId()).then().statusCode(200).body("openNow", equalTo(true));
    }

    /** Whether the salon's week covers the instant on its wall clock: the test "open now" makes. */
    static boolean openAt(SalonFixture f, String instant) {
        return (Boolean) Db.scalar("SELECT open_week @> aurelle_week_minute(time_zone, ?::timestamptz) FROM salon"
                + " WHERE id = ?", instant, f.salonId());
    }

    /** The rule in PostgreSQL, at fixed instants: intervals past midnight and across the week's end. */
    @Test
    void postgresPlacesIntervalsOnTheWeekAndRefusesOverlaps() {
        SalonFixture f = Fixtures.salon();
        putAsOwner(f, List.of(interval(5, "20:00", "02:00"), interval(7, "22:00", "03:00"),
                interval(1, "09:00", "24:00"))).then().statusCode(200);
        // 2026-11-27 is a Friday; Tashkent is UTC+5.
        Map<String, Boolean> expected = new java.util.LinkedHashMap<>();
        expected.put("2026-11-27T19:59:00+05:00", false);
        expected.put("2026-11-27T20:00:00+05:00", true);
        expected.put("2026-11-28T01:59:00+05:00", true);   // Saturday, still Friday's night
        expected.put("2026-11-28T02:00:00+05:00", false);
        expected.put("2026-11-29T23:30:00+05:00", true);   // Sunday night ...
        expected.put("2026-11-30T02:30:00+05:00", true);   // ... into Monday morning
        expected.put("2026-11-30T03:00:00+05:00", false);
        expected.put("2026-11-30T08:59:00+05:00", false);
        expected.put("2026-11-30T23:59:00+05:00", true);   // Monday until midnight
        expected.put("2026-12-01T00:00:00+05:00", false);
        expected.put("2026-11-30T15:30:00Z", true);        // 20:30 Monday in Tashkent
        expected.forEach((instant, open) -> assertThat(openAt(f, instant)).as(instant).isEqualTo(open));

        // The same wall-clock rule in another zone: 21:00 Monday in New York is 02:00 UTC on Tuesday.
        Db.update("UPDATE salon SET time_zone = 'America/New_York' WHERE id = ?", f.salonId());
        assertThat(openAt(f, "2026-12-01T02:00:00Z")).isTrue();
        // After the spring-forward (8 March 2026) New York is UTC-4: 06:30Z is 02:30 on Monday, inside Sunday
        // night's 22:00-03:00, and 07:30Z is 03:30, past it (under last winter's UTC-5 it would still be open).
        assertThat(openAt(f, "2026-03-09T06:30:00Z")).isTrue();
        assertThat(openAt(f, "2026-03-09T07:30:00Z")).isFalse();

        // Whatever the Java side checks, PostgreSQL refuses overlapping intervals and seconds.
        assertThatThrownBy(() -> Db.update("INSERT INTO salon_opening_hours (salon_id, day_of_week, opens_at,"
                + " closes_at) VALUES (?, 6, '01:00', '05:00')", f.salonId()))
                .hasMessageContaining("salon_opening_hours_no_overlap");
        assertThatThrownBy(() -> Db.update("INSERT INTO salon_opening_hours (salon_id, day_of_week, opens_at,"
                + " closes_at) VALUES (?, 1, '02:00', '03:00')", f.salonId()))
                .hasMessageContaining("salon_opening_hours_no_overlap");
        assertThatThrownBy(() -> Db.update("INSERT INTO salon_opening_hours (salon_id, day_of_week, opens_at,"
                + " closes_at) VALUES (?, 3, '09:00:30', '18:00')", f.salonId()))
                .hasMessageContaining("salon_opening_hours_whole_minutes");

        // The salon's week follows any write to the hours, not only the API's.
        Db.update("DELETE FROM salon_opening_hours WHERE salon_id = ? AND day_of_week = 1", f.salonId());
        assertThat(openAt(f, "2026-12-01T02:00:00Z")).isFalse();
        Db.update("UPDATE salon_opening_hours SET closes_at = '04:00' WHERE salon_id = ? AND day_of_week = 7",
                f.salonId());
        assertThat(openAt(f, "2026-03-09T07:30:00Z")).isTrue();
    }
}
