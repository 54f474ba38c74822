package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class PromoCodeResourceTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    private static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Map<String, Object> promo(String code, UUID salonId, String kind, long value) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("salonId", salonId);
        body.put("kind", kind);
        body.put("value", value);
        body.put("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
        return body;
    }

    private static String create(String token, Map<String, Object> body) {
        return Api.post(token, "/api/promo-codes", body).then().statusCode(201).extract().path("id");
    }

    private static Response book(String token, SalonFixture f, UUID master, int daysAhead, String time, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", f.serviceId());
        body.put("masterId", master);
        body.put("startsAt", f.at(Fixtures.daysAhead(f.zone(), daysAhead), time).toString());
        body.put("promoCode", code);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }

    private static int redeemed(String promoId) {
        return ((Number) Db.scalar("SELECT redeemed_count FROM promo_code WHERE id = ?::uuid", promoId)).intValue();
    }

    private static long liveRedemptions(String promoId) {
        return ((Number) Db.scalar("SELECT count(*) FROM promo_redemption WHERE promo_code_id = ?::uuid"
                + " AND released_at IS NULL", promoId)).longValue();
    }

    @Test
    void percentCodeDiscountsTheSnapshotAndCancellationGivesTheUseBack() {
        SalonFixture f = Fixtures.salon(); // price 15 000 000 tiyin
        String owner = TestTokens.owner(f.ownerId());
        String code = uniqueCode("SPRING");
        String promoId = Api.post(owner, "/api/promo-codes", promo(code.toLowerCase(), f.salonId(), "PERCENT", 20))
                .then().statusCode(201).body("code", equalTo(code)).body("redeemedCount", equalTo(0))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/promo-codes/" + Db.scalar(
                        "SELECT id FROM promo_code WHERE code = ?", code)))
                .extract().path("id");

        String client = TestTokens.client(UUID.randomUUID());
        String bookingId = book(client, f, f.masterId(), 3, "10:00", " " + code.toLowerCase() + " ").then()
                .statusCode(201).body("price", equalTo(15_000_000)).body("discount", equalTo(3_000_000))
                .body("amount", equalTo(12_000_000)).extract().path("id");
        assertThat(redeemed(promoId)).isEqualTo(1);
        assertThat(Db.scalar("SELECT discount_tiyin FROM promo_redemption WHERE booking_id = ?::uuid", bookingId))
                .isEqualTo(3_000_000L);
        given().auth().oauth2(owner).get("/api/promo-codes/" + promoId).then().statusCode(200)
                .body("redeemedCount", equalTo(1));

        Api.post(client, "/api/bookings/" + bookingId + "/cancel", Map.of("reason", "changed plans")).then()
                .statusCode(200);
        assertThat(redeemed(promoId)).isZero();
        assertThat(liveRedemptions(promoId)).isZero();
        // Cancelling twice changes nothing more.
        Api.post(client, "/api/bookings/" + bookingId + "/cancel", null).then().statusCode(409);
        assertThat(redeemed(promoId)).isZero();
    }

    @Test
    void aRescheduleKeepsTheDiscountAndTheRedemption() {
        SalonFixture f = Fixtures.salon();
        String code = uniqueCode("MOVE");
        String promoId = create(TestTokens.owner(f.ownerId()), promo(code, f.salonId(), "FIXED", 2_000_000));
        String client = TestTokens.client(UUID.randomUUID());
        String oldId = book(client, f, f.masterId(), 3, "10:00", code).then().statusCode(201).extract().path("id");
        String newId = Api.post(client, "/api/bookings/" + oldId + "/reschedule",
                        Map.of("startsAt", f.at(Fixtures.daysAhead(f.zone(), 4), "11:00").toString()))
                .then().statusCode(201).body("discount", equalTo(2_000_000)).body("amount", equalTo(13_000_000))
                .extract().path("id");
        assertThat(redeemed(promoId)).isEqualTo(1);
        assertThat(Db.scalar("SELECT booking_id::text FROM promo_redemption WHERE promo_code_id = ?::uuid"
                + " AND released_at IS NULL", promoId)).isEqualTo(newId);
        Api.post(client, "/api/bookings/" + newId + "/cancel", null).then().statusCode(200);
        assertThat(redeemed(promoId)).isZero();
    }

    @Test
    void fixedCodeNeverGoesBelowZeroAndGlobalCodesAreAdminOnly() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String code = uniqueCode("FREE");
        Api.post(TestTokens.owner(f.ownerId()), "/api/promo-codes", promo(code, null, "FIXED", 99_000_000L))
                .then().statusCode(403).body("code", equalTo("global_promo_admin_only"));
        String promoId = create(ADMIN, promo(code, null, "FIXED", 99_000_000L));

        // Discounted to zero: nothing to prepay, so the booking is confirmed right away.
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "10:00", code).then().statusCode(201)
                .body("discount", equalTo(15_000_000)).body("amount", equalTo(0))
                .body("status", equalTo("CONFIRMED"));
        assertThat(redeemed(promoId)).isEqualTo(1);

        // A salon's own code with the same text wins over the global one.
        create(TestTokens.owner(f.ownerId()), promo(code, f.salonId(), "PERCENT", 10));
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "11:00", code).then().statusCode(201)
                .body("discount", equalTo(1_500_000)).body("status", equalTo("PENDING_PAYMENT"));
        assertThat(redeemed(promoId)).isEqualTo(1);

        given().auth().oauth2(ADMIN).get("/api/promo-codes").then().statusCode(200)
                .body("items.id", hasItem(promoId));
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/promo-codes").then().statusCode(403)
                .body("code", equalTo("global_promo_admin_only"));
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/promo-codes/" + promoId).then()
                .statusCode(404).body("code", equalTo("promo_code_not_found"));
    }

    @Test
    void ownersManageOnlyTheirOwnSalonsCodes() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String stranger = TestTokens.owner(other.ownerId());
        String code = uniqueCode("MINE");
        Api.post(stranger, "/api/promo-codes", promo(code, f.salonId(), "PERCENT", 10)).then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        String id = create(TestTokens.owner(f.ownerId()), promo(code, f.salonId(), "PERCENT", 10));
        given().auth().oauth2(stranger).get("/api/promo-codes/" + id).then().statusCode(404)
                .body("code", equalTo("promo_code_not_found"));
        given().auth().oauth2(stranger).delete("/api/promo-codes/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/promo-codes?salonId=" + f.salonId()).then().statusCode(404);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/promo-codes?salonId=" + f.salonId()).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        Api.post(TestTokens.client(UUID.randomUUID()), "/api/promo-codes", promo(code, f.salonId(), "PERCENT", 10))
                .then().statusCode(403).body("code", equalTo("forbidden"));
        // The same text in another salon is a different code.
        create(stranger, promo(code, other.salonId(), "PERCENT", 10));
    }

    @Test
    void invalidCodesAreRefusedWithStableCodes() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        Map<String, Object> base = promo(uniqueCode("BAD"), f.salonId(), "PERCENT", 10);
        List<Map.Entry<String, Object>> bad = List.of(Map.entry("code", "a b"), Map.entry("kind", "GIFT"),
                Map.entry("value", 0), Map.entry("value", 101), Map.entry("maxRedemptions", 0),
                Map.entry("maxPerClient", -1), Map.entry("minAmount", -5),
                Map.entry("validUntil", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString()));
        for (var e : bad) {
            Map<String, Object> body = new HashMap<>(base);
            body.put(e.getKey(), e.getValue());
            Api.post(owner, "/api/promo-codes", body).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo(e.getKey().equals("validUntil") ? "validUntil" : e.getKey()));
        }
        Map<String, Object> body = new HashMap<>(base);
        body.put("validFrom", "tomorrow");
        Api.post(owner, "/api/promo-codes", body).then().statusCode(400).body("code", equalTo("malformed_body"));
        given().auth().oauth2(owner).get("/api/promo-codes?salonId=xyz").then().statusCode(400)
                .body("parameter", equalTo("salonId"));

        create(owner, base);
        Api.post(owner, "/api/promo-codes", base).then().statusCode(409).body("code", equalTo("promo_code_exists"));
    }

    @Test
    void windowMinimumAndPerClientLimitAreEnforcedAtBooking() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String client = TestTokens.client(UUID.randomUUID());

        book(client, f, f.masterId(), 3, "10:00", "NOSUCHCODE").then().statusCode(422)
                .body("code", equalTo("promo_code_not_found"));
        given().auth().oauth2(client).header("Accept-Language", "uz").contentType(ContentType.JSON)
                .body(Map.of("serviceId", f.serviceId(), "startsAt", f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")
                        .toString(), "promoCode", "NOSUCHCODE")).post("/api/bookings").then().statusCode(422)
                .body("title", equalTo("Promokod topilmadi"));

        Map<String, Object> future = promo(uniqueCode("LATER"), f.salonId(), "PERCENT", 10);
        future.put("validFrom", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        create(owner, future);
        book(client, f, f.masterId(), 3, "10:00", (String) future.get("code")).then().statusCode(422)
                .body("code", equalTo("promo_code_not_active"));

        Map<String, Object> big = promo(uniqueCode("BIG"), f.salonId(), "FIXED", 1_000_000);
        big.put("minAmount", 20_000_000L);
        create(owner, big);
        book(client, f, f.masterId(), 3, "10:00", (String) big.get("code")).then().statusCode(422)
                .body("code", equalTo("promo_code_min_amount")).body("minAmount", equalTo(20_000_000));

        Map<String, Object> once = promo(uniqueCode("ONCE"), f.salonId(), "FIXED", 1_000_000);
        once.put("maxPerClient", 1);
        String onceId = create(owner, once);
        book(client, f, f.masterId(), 3, "10:00", (String) once.get("code")).then().statusCode(201)
                .body("amount", equalTo(14_000_000));
        book(client, f, f.masterId(), 3, "11:00", (String) once.get("code")).then().statusCode(422)
                .body("code", equalTo("promo_code_client_limit"));
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "11:00", (String) once.get("code")).then()
                .statusCode(201);
        assertThat(redeemed(onceId)).isEqualTo(2);
        // Refused attempts leave no booking behind.
        assertThat(((Number) Db.scalar("SELECT count(*) FROM booking WHERE salon_id = ?", f.salonId())).intValue())
                .isEqualTo(2);

        // An expired code.
        Db.update("UPDATE promo_code SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day'"
                + " WHERE id = ?::uuid", onceId);
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "14:00", (String) once.get("code")).then()
                .statusCode(422).body("code", equalTo("promo_code_not_active"));
    }

    @Test
    void concurrentRedemptionsNeverExceedTheTotalLimit() throws Exception {
        SalonFixture f = Fixtures.salon();
        Map<String, Object> limited = promo(uniqueCode("RUSH"), f.salonId(), "PERCENT", 50);
        limited.put("maxRedemptions", 3);
        String promoId = create(TestTokens.owner(f.ownerId()), limited);
        String code = (String) limited.get("code");

        List<Callable<Integer>> calls = new ArrayList<>();
        for (String time : List.of("09:00", "10:00", "11:00", "14:00", "15:00", "16:00", "17:00")) {
            calls.add(() -> book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 4, time, code).statusCode());
        }
        calls.add(() -> book(TestTokens.client(UUID.randomUUID()), f, f.secondMasterId(), 4, "09:00", code)
                .statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        assertThat(redeemed(promoId)).isEqualTo(3);
        assertThat(liveRedemptions(promoId)).isEqualTo(3);
        assertThat(((Number) Db.scalar("SELECT count(*) FROM booking WHERE promo_code_id = ?::uuid", promoId))
                .intValue()).isEqualTo(3);
    }

    @Test
    void anExpiredUnpaidHoldReleasesItsRedemption() throws Exception {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        Map<String, Object> limited = promo(uniqueCode("HOLD"), f.salonId(), "PERCENT", 10);
        limited.put("maxRedemptions", 1);
        String promoId = create(TestTokens.owner(f.ownerId()), limited);
        String code = (String) limited.get("code");
        String bookingId = book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "10:00", code).then()
                .statusCode(201).body("status", equalTo("PENDING_PAYMENT")).extract().path("id");
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "11:00", code).then().statusCode(422)
                .body("code", equalTo("promo_code_exhausted"));

        Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = ?::uuid", bookingId);
        // The hold sweep runs every second in tests.
        for (int i = 0; i < 100 && !"EXPIRED".equals(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid",
                bookingId)); i++) {
            Thread.sleep(200);
        }
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", bookingId)).isEqualTo("EXPIRED");
        assertThat(redeemed(promoId)).isZero();
        assertThat(Db.scalar("SELECT released_at IS NOT NULL FROM promo_redemption WHERE booking_id = ?::uuid",
                bookingId)).isEqualTo(true);
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "11:00", code).then().statusCode(201);
        assertThat(redeemed(promoId)).isEqualTo(1);
    }

    @Test
    void softDeleteFreesTheTextAndAdminRestoreRespectsUniqueness() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        Map<String, Object> body = promo(uniqueCode("GONE"), f.salonId(), "PERCENT", 10);
        String first = create(owner, body);
        given().auth().oauth2(owner).delete("/api/promo-codes/" + first).then().statusCode(204);
        given().auth().oauth2(owner).get("/api/promo-codes/" + first).then().statusCode(404);
        book(TestTokens.client(UUID.randomUUID()), f, f.masterId(), 3, "10:00", (String) body.get("code")).then()
                .statusCode(422).body("code", equalTo("promo_code_not_found"));

        String second = create(owner, body);
        given().auth().oauth2(ADMIN).get("/api/promo-codes/deleted?size=100").then().statusCode(200)
                .body("items.id", hasItem(first));
        Api.post(owner, "/api/promo-codes/" + first + "/restore", null).then().statusCode(403);
        Api.post(ADMIN, "/api/promo-codes/" + first + "/restore", null).then().statusCode(409)
                .body("code", equalTo("promo_code_exists"));
        given().auth().oauth2(owner).delete("/api/promo-codes/" + second).then().statusCode(204);
        Api.post(ADMIN, "/api/promo-codes/" + first + "/restore", null).then().statusCode(200)
                .body("id", equalTo(first));
        Api.post(ADMIN, "/api/promo-codes/" + first + "/restore", null).then().statusCode(404)
                .body("code", equalTo("promo_code_not_found"));
    }
}
