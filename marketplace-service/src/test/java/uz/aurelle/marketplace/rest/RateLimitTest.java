package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * Real limits against real Redis with tight test limits. Every test uses fresh users and client IPs
 * (X-Forwarded-For via the trusted local proxy), so nothing needs flushing and other suites are untouched.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aurelle.rate-limit.policies.marketplace-booking-user.limit", "4",
                    "aurelle.rate-limit.policies.marketplace-promo-user.limit", "2",
                    "aurelle.rate-limit.policies.marketplace-review-user.limit", "2",
                    "aurelle.rate-limit.policies.marketplace-search-ip.limit", "3",
                    "aurelle.rate-limit.policies.marketplace-owner-write-user.limit", "3");
        }
    }

    private static String ip() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Response book(String token, SalonFixture f, String time, String promoCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", f.serviceId());
        body.put("masterId", f.masterId());
        body.put("startsAt", f.at(Fixtures.daysAhead(f.zone(), 3), time).toString());
        body.put("promoCode", promoCode);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }

    /** The 429 problem with the denying policy's quota in the headers. */
    private static void assertLimited(Response response, String policy, int quota, int windowSeconds) {
        response.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited")).body("policy", equalTo(policy))
                .body("retryAfter", notNullValue())
                .header("Retry-After", notNullValue())
                .header("RateLimit-Policy", containsString("\"" + policy + "\";q=" + quota + ";w=" + windowSeconds))
                .header("RateLimit", containsString("r=0"))
                .header("RateLimit-Limit", String.valueOf(quota))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", notNullValue());
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    }

    private static long bookingsOf(UUID client) {
        return (Long) Db.scalar("SELECT count(*) FROM booking WHERE client_id = ?", client);
    }

    @Test
    void bookingsAreLimitedPerClient() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        List<String> times = List.of("09:00", "10:00", "11:00", "12:00");
        for (int i = 0; i < times.size(); i++) {
            book(client, f, times.get(i), null).then().statusCode(201)
                    .header("RateLimit-Remaining", String.valueOf(3 - i));
        }
        assertLimited(book(client, f, "14:00", null), "marketplace-booking-user", 4, 3600);
        assertThat(bookingsOf(clientId)).isEqualTo(4);
        // Rescheduling places a booking too.
        String first = (String) Db.scalar("SELECT id::text FROM booking WHERE client_id = ? ORDER BY starts_at"
                + " LIMIT 1", clientId);
        assertLimited(given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("startsAt", f.at(Fixtures.daysAhead(f.zone(), 4), "10:00").toString()))
                .post("/api/bookings/" + first + "/reschedule"), "marketplace-booking-user", 4, 3600);

        UUID otherId = UUID.randomUUID();
        book(TestTokens.client(otherId), f, "14:00", null).then().statusCode(201);
        assertThat(bookingsOf(otherId)).isEqualTo(1);
    }

    @Test
    void promoCodeGuessesAreLimitedPerClientWhileOrdinaryBookingsGoOn() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        book(client, f, "09:00", "GUESS1").then().statusCode(422).body("code", equalTo("promo_code_not_found"));
        book(client, f, "09:00", "GUESS2").then().statusCode(422);
        assertLimited(book(client, f, "09:00", "GUESS3"), "marketplace-promo-user", 2, 3600);
        assertThat(bookingsOf(clientId)).isZero();
        // Refused before the Idempotency-Key is claimed: a retry with the key is limited afresh, not replayed.
        for (int i = 0; i < 2; i++) {
            Response limited = given().auth().oauth2(client).header("Idempotency-Key", "promo-" + clientId)
                    .contentType(ContentType.JSON).body(Map.of("serviceId", f.serviceId(), "startsAt",
                            f.at(Fixtures.daysAhead(f.zone(), 3), "09:00").toString(), "promoCode", "GUESS4"))
                    .post("/api/bookings");
            assertLimited(limited, "marketplace-promo-user", 2, 3600);
            assertThat(limited.header("Idempotent-Replayed")).isNull();
        }
        // Only bookings are watched: a promoCode field in another body means nothing.
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", UUID.randomUUID().toString(), "rating", 5, "promoCode", "GUESS5"))
                .post("/api/reviews").then().statusCode(404);
        // The same client may still book without a code; another client may still try codes.
        book(client, f, "09:00", null).then().statusCode(201);
        book(TestTokens.client(UUID.randomUUID()), f, "10:00", "GUESS3").then().statusCode(422)
                .body("code", equalTo("promo_code_not_found"));
    }

    @Test
    void reviewsAreLimitedPerClient() {
        String client = TestTokens.client(UUID.randomUUID());
        Map<String, Object> body = Map.of("bookingId", UUID.randomUUID().toString(), "rating", 5);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(client).contentType(ContentType.JSON).body(body).post("/api/reviews").then()
                    .statusCode(404).body("code", equalTo("booking_not_found"));
        }
        assertLimited(given().auth().oauth2(client).contentType(ContentType.JSON).body(body).post("/api/reviews"),
                "marketplace-review-user", 2, 3600);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/api/reviews").then().statusCode(404);
    }

    @Test
    void searchAndMapShareAGenerousPerIpLimit() {
        String ip = ip();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", ip).get("/api/salons?size=1").then().statusCode(200)
                    .header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        given().header("X-Forwarded-For", ip).get("/api/salons/map?lat=41.31&lon=69.28&radiusKm=1").then()
                .statusCode(200).header("RateLimit-Remaining", "0");
        assertLimited(given().header("X-Forwarded-For", ip).get("/api/salons?size=1"), "marketplace-search-ip", 3,
                60);
        assertLimited(given().header("X-Forwarded-For", ip).get("/api/salons/map?lat=41.31&lon=69.28&radiusKm=1"),
                "marketplace-search-ip", 3, 60);
        // A user's token does not help: the key is the address.
        assertLimited(given().auth().oauth2(TestTokens.client(UUID.randomUUID())).header("X-Forwarded-For", ip)
                .get("/api/salons?size=1"), "marketplace-search-ip", 3, 60);
        given().header("X-Forwarded-For", ip()).get("/api/salons?size=1").then().statusCode(200);
    }

    @Test
    void ownerWritesAreLimitedPerOwner() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        for (String name : List.of("One", "Two", "Three")) {
            given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("nameEn", name))
                    .put("/api/salons/{id}", f.salonId()).then().statusCode(200);
        }
        ValidatableResponse limited = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "Extra")).post("/api/salons/{id}/masters", f.salonId()).then();
        assertLimited(limited.extract().response(), "marketplace-owner-write-user", 3, 900);
        assertThat(Db.scalar("SELECT name_en FROM salon WHERE id = ?", f.salonId())).isEqualTo("Three");
        assertThat(Db.scalar("SELECT count(*) FROM master WHERE salon_id = ?", f.salonId())).isEqualTo(2L);
        // Reading is not a write; another owner writes on.
        given().auth().oauth2(owner).get("/api/salons/mine").then().statusCode(200);
        SalonFixture other = Fixtures.salon();
        given().auth().oauth2(TestTokens.owner(other.ownerId())).contentType(ContentType.JSON)
                .body(Map.of("nameEn", "Fine")).put("/api/salons/{id}", other.salonId()).then().statusCode(200);
    }
}
