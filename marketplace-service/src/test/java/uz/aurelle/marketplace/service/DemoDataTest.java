package uz.aurelle.marketplace.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Db;

@QuarkusTest
@TestProfile(DemoDataTest.DemoEnabled.class)
class DemoDataTest {

    public static class DemoEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aurelle.marketplace.demo-data.enabled", "true");
        }
    }

    @Inject
    DemoData demo;

    @Test
    void loadsTashkentSalonsOnceWithBookableSchedules() throws Throwable {
        long salons = (Long) Db.scalar("SELECT count(*) FROM salon WHERE owner_id = ANY (?) AND status = 'ACTIVE'",
                (Object) DemoData.OWNERS.toArray(new java.util.UUID[0]));
        assertThat(salons).isEqualTo(36L);
        // Starting again (or loading again) adds nothing.
        int second = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(demo::load));
        assertThat(second).isZero();
        assertThat(Db.scalar("SELECT count(*) FROM salon WHERE owner_id = ANY (?)",
                (Object) DemoData.OWNERS.toArray(new java.util.UUID[0]))).isEqualTo(36L);

        // Coordinates are inside Tashkent, prices are in tiyin, IKPU codes are 17 digits.
        assertThat(Db.scalar("SELECT count(*) FROM salon WHERE owner_id = ANY (?) AND (latitude NOT BETWEEN 41.15"
                + " AND 41.45 OR longitude NOT BETWEEN 69.1 AND 69.45)",
                (Object) DemoData.OWNERS.toArray(new java.util.UUID[0]))).isEqualTo(0L);
        assertThat(Db.scalar("SELECT min(price_tiyin) FROM salon_service WHERE salon_id = ?", DemoData.salonId(0)))
                .satisfies(p -> assertThat((Long) p).isGreaterThanOrEqualTo(3_000_000L));
        assertThat(Db.scalar("SELECT count(*) FROM review r JOIN salon s ON s.id = r.salon_id WHERE s.owner_id ="
                + " ANY (?)", (Object) DemoData.OWNERS.toArray(new java.util.UUID[0]))).isEqualTo(36L);
        assertThat((Double) Db.scalar("SELECT rating_avg FROM salon WHERE id = ?", DemoData.salonId(0)))
                .isBetween(4.0, 5.0);

        // Opening hours: every demo salon publishes its week; a spa round the clock, a barber late on
        // Friday and Saturday nights, some closed on Sunday.
        assertThat(Db.scalar("SELECT count(DISTINCT oh.salon_id) FROM salon_opening_hours oh JOIN salon s"
                + " ON s.id = oh.salon_id WHERE s.owner_id = ANY (?)",
                (Object) DemoData.OWNERS.toArray(new java.util.UUID[0]))).isEqualTo(36L);
        given().get("/api/salons/{id}", DemoData.salonId(4)).then().statusCode(200)
                .body("nameEn", org.hamcrest.Matchers.equalTo("Zumrad Spa"))
                .body("openNow", org.hamcrest.Matchers.equalTo(true))
                .body("openingHours.closesAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("24:00")));
        given().get("/api/salons/{id}/opening-hours", DemoData.salonId(16)).then().statusCode(200)
                .body("hours.find { it.dayOfWeek == 5 }.closesAt", org.hamcrest.Matchers.equalTo("02:00"))
                .body("hours.find { it.dayOfWeek == 5 }.closesNextDay", org.hamcrest.Matchers.equalTo(true));
        given().get("/api/salons/{id}/opening-hours", DemoData.salonId(1)).then().statusCode(200)
                .body("hours.dayOfWeek", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(7)))
                .body("hours.size()", org.hamcrest.Matchers.equalTo(6));

        // A demo salon answers with free slots next week, and its owner sees its bookings.
        Object service = Db.scalar("SELECT id FROM salon_service WHERE salon_id = ? ORDER BY id LIMIT 1",
                DemoData.salonId(1));
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tashkent")).plusDays(7);
        List<String> slots = given().queryParam("serviceId", service).queryParam("from", day.toString())
                .get("/api/salons/{id}/slots", DemoData.salonId(1)).then().statusCode(200)
                .extract().jsonPath().getList("slots.startsAt");
        assertThat(slots).isNotEmpty().allMatch(s -> s.endsWith("+05:00"));
        given().auth().oauth2(TestTokens.owner(DemoData.OWNERS.get(1)))
                .queryParam("from", LocalDate.now(ZoneId.of("Asia/Tashkent")).minusDays(6).toString())
                .queryParam("days", 14)
                .get("/api/salons/{id}/bookings", DemoData.salonId(1))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.hasItems("COMPLETED", "CONFIRMED"));

        // The demo MASTER account is linked to salon 0's first master and sees that master's bookings only.
        String demoMaster = java.util.UUID.nameUUIDFromBytes("aurelle-demo-master-0-0".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        List<String> calendar = given().auth().oauth2(TestTokens.master(DemoData.MASTER_USERS.get(0)))
                .queryParam("from", now.minusDays(20).toString()).queryParam("to", now.plusDays(20).toString())
                .get("/api/masters/me/bookings").then().statusCode(200).extract().jsonPath().getList("masterId");
        assertThat(calendar).isNotEmpty().containsOnly(demoMaster);
    }
}
