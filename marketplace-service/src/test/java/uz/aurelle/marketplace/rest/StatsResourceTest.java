package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class StatsResourceTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    /** Completed 15 000 000 + completed 9 000 000 (master 1), no-show, cancelled, unpaid and paid upcoming (master 2). */
    private static SalonFixture salonWithHistory() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String client = TestTokens.client(UUID.randomUUID());
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);

        String done1 = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "10:00"));
        Api.shiftIntoPast(done1);
        Api.post(owner, "/api/bookings/" + done1 + "/complete", null).then().statusCode(200);
        String done2 = Api.bookOk(client, f.otherServiceId(), f.masterId(), f.at(day, "11:00"));
        Api.shiftIntoPast(done2);
        Api.post(owner, "/api/bookings/" + done2 + "/complete", null).then().statusCode(200);
        String missed = Api.bookOk(client, f.serviceId(), f.secondMasterId(), f.at(day, "10:00"));
        Api.shiftIntoPast(missed);
        Api.post(owner, "/api/bookings/" + missed + "/no-show", null).then().statusCode(200);

        String cancelled = Api.bookOk(client, f.serviceId(), f.secondMasterId(), f.at(day, "15:00"));
        Api.post(client, "/api/bookings/" + cancelled + "/cancel", null).then().statusCode(200);
        Api.bookOk(client, f.serviceId(), f.secondMasterId(), f.at(day, "16:00"));
        String paid = Api.bookOk(client, f.serviceId(), f.secondMasterId(), f.at(day, "17:00"));
        Db.update("UPDATE booking SET paid = true, paid_at = now() WHERE id = ?::uuid", paid);
        return f;
    }

    @Test
    void ownerSeesStatusCountsRevenueNoShowRateAndTops() {
        SalonFixture f = salonWithHistory();
        LocalDate today = LocalDate.now(f.zone());
        JsonPath stats = given().auth().oauth2(TestTokens.owner(f.ownerId()))
                .get("/api/salons/" + f.salonId() + "/stats?from=" + today.minusDays(1) + "&to=" + today.plusDays(10))
                .then().statusCode(200)
                .body("bookings", equalTo(6))
                .body("bookingsByStatus.COMPLETED", equalTo(2)).body("bookingsByStatus.NO_SHOW", equalTo(1))
                .body("bookingsByStatus.CANCELLED", equalTo(1)).body("bookingsByStatus.CONFIRMED", equalTo(2))
                .body("bookingsByStatus.PENDING_PAYMENT", equalTo(0)).body("bookingsByStatus.EXPIRED", equalTo(0))
                // completed 15M + 9M, plus the paid upcoming 15M; unpaid and cancelled bookings are no revenue
                .body("revenue", equalTo(39_000_000)).body("currency", equalTo("UZS"))
                .body("topMasters.id", equalTo(List.of(f.masterId().toString(), f.secondMasterId().toString())))
                .body("topMasters[0].completed", equalTo(2)).body("topMasters[0].revenue", equalTo(24_000_000))
                .body("topMasters[1].completed", equalTo(0)).body("topMasters[1].revenue", equalTo(15_000_000))
                .body("topServices.id", equalTo(List.of(f.serviceId().toString(), f.otherServiceId().toString())))
                .body("topServices[0].revenue", equalTo(30_000_000)).body("topServices[1].revenue", equalTo(9_000_000))
                .extract().jsonPath();
        assertThat(stats.getDouble("noShowRate")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-4));
        List<Map<String, Object>> daily = stats.getList("daily");
        assertThat(daily.stream().mapToInt(d -> (Integer) d.get("bookings")).sum()).isEqualTo(6);
        assertThat(daily.stream().mapToInt(d -> (Integer) d.get("revenue")).sum()).isEqualTo(39_000_000);

        // A period without bookings.
        given().auth().oauth2(TestTokens.owner(f.ownerId()))
                .get("/api/salons/" + f.salonId() + "/stats?from=" + today.minusDays(30) + "&to=" + today.minusDays(20))
                .then().statusCode(200).body("bookings", equalTo(0)).body("revenue", equalTo(0))
                .body("noShowRate", equalTo(0.0f)).body("topMasters.size()", equalTo(0));
    }

    @Test
    void paidCancellationsCountWhatTheSalonKeeps() {
        // Open round the clock so bookings sit at exact distances from now; tiers 24:100, 12:50, 0:0.
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true).hours("00:00", "00:00").noBreak()
                .slotInterval(60).minNotice(0));
        String client = TestTokens.client(UUID.randomUUID());
        String owner = TestTokens.owner(f.ownerId());
        OffsetDateTime next = OffsetDateTime.now(f.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        String keepsAll = paidBooking(f, client, next.plusHours(5));
        String keepsHalf = paidBooking(f, client, next.plusHours(16));
        String keepsNothing = paidBooking(f, client, next.plusHours(30));
        String salonCancelled = paidBooking(f, client, next.plusHours(40));
        String moved = paidBooking(f, client, next.plusHours(50));
        String unpaid = Api.bookOk(client, f.serviceId(), f.masterId(), next.plusHours(70));
        for (String id : List.of(keepsAll, keepsHalf, keepsNothing, unpaid)) {
            Api.post(client, "/api/bookings/" + id + "/cancel", null).then().statusCode(200);
        }
        Api.post(owner, "/api/bookings/" + salonCancelled + "/cancel", Map.of("reason", "closed")).then()
                .statusCode(200);
        Api.post(client, "/api/bookings/" + moved + "/reschedule", Map.of("startsAt", next.plusHours(60).toString()))
                .then().statusCode(201);

        LocalDate today = LocalDate.now(f.zone());
        given().auth().oauth2(owner)
                .get("/api/salons/" + f.salonId() + "/stats?from=" + today + "&to=" + today.plusDays(5))
                .then().statusCode(200)
                .body("bookingsByStatus.CANCELLED", equalTo(6)).body("bookingsByStatus.CONFIRMED", equalTo(1))
                // 15 000 000 kept at 0 % + 7 500 000 at 50 % + the moved booking's 15 000 000 once; the
                // 100 % refunds, the salon's cancellation and the unpaid booking bring nothing.
                .body("revenue", equalTo(37_500_000))
                .body("topMasters[0].revenue", equalTo(37_500_000))
                .body("topServices[0].revenue", equalTo(37_500_000));
    }

    private static String paidBooking(SalonFixture f, String client, OffsetDateTime start) {
        String id = Api.bookOk(client, f.serviceId(), f.masterId(), start);
        given().auth().oauth2(TestTokens.service("payments-service")).contentType("application/json")
                .body(Map.of("eventId", UUID.randomUUID(), "type", "PAID", "paymentId", UUID.randomUUID(),
                        "provider", "CLICK", "amount", 15_000_000, "occurredAt", OffsetDateTime.now().toString()))
                .post("/internal/bookings/{id}/payment-events", id).then().statusCode(200);
        return id;
    }

    @Test
    void statsArePrivateAndParametersChecked() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String path = "/api/salons/" + f.salonId() + "/stats";
        String q = "?from=2026-01-01&to=2026-01-31";
        given().auth().oauth2(TestTokens.owner(other.ownerId())).get(path + q).then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get(path + q).then().statusCode(403);
        given().get(path + q).then().statusCode(401);
        given().auth().oauth2(ADMIN).get(path + q).then().statusCode(200);
        String owner = TestTokens.owner(f.ownerId());
        given().auth().oauth2(owner).get(path + "?to=2026-01-31").then().statusCode(400)
                .body("code", equalTo("invalid_parameter")).body("parameter", equalTo("from"));
        given().auth().oauth2(owner).get(path + "?from=2026-02-30&to=2026-03-01").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
        given().auth().oauth2(owner).get(path + "?from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body("code", equalTo("invalid_date_range"));
        given().auth().oauth2(owner).get(path + "?from=2024-01-01&to=2026-01-01").then().statusCode(400)
                .body("code", equalTo("invalid_date_range"));
        given().auth().oauth2(owner).get("/api/admin/salons/stats" + q).then().statusCode(403);
    }

    @Test
    void adminPlatformStatsCountEverySalon() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String q = "?from=" + today.minusDays(2) + "&to=" + today.plusDays(12);
        JsonPath before = given().auth().oauth2(ADMIN).get("/api/admin/salons/stats" + q).then().statusCode(200)
                .extract().jsonPath();
        salonWithHistory();
        JsonPath after = given().auth().oauth2(ADMIN).get("/api/admin/salons/stats" + q).then().statusCode(200)
                .body("currency", equalTo("UZS")).extract().jsonPath();

        assertThat(after.getLong("bookingsByStatus.COMPLETED") - before.getLong("bookingsByStatus.COMPLETED"))
                .isEqualTo(2);
        assertThat(after.getLong("bookingsByStatus.NO_SHOW") - before.getLong("bookingsByStatus.NO_SHOW"))
                .isEqualTo(1);
        assertThat(after.getLong("revenue") - before.getLong("revenue")).isEqualTo(39_000_000L);
        assertThat(after.getLong("salonsByStatus.ACTIVE") - before.getLong("salonsByStatus.ACTIVE")).isEqualTo(1);
        assertThat(after.getLong("activeClients") - before.getLong("activeClients")).isEqualTo(1);
        assertThat(after.getList("topSalons")).isNotEmpty();
        given().auth().oauth2(ADMIN).get("/api/admin/salons/stats?from=2026-01-01").then().statusCode(400)
                .body("parameter", equalTo("to"));
    }
}
