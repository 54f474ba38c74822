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

/**
 * Invalid request bodies are the client's mistake: 400 problem+json naming the field, never a 500,
 * and nothing is stored.
 */
@QuarkusTest
class RequestValidationTest {

    private static Response send(String method, String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).request(method, path);
    }

    /** 400 validation_failed (or malformed_body) as problem+json, with {@code field} among the errors. */
    private static void assertInvalid(Response response, String code, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("code", equalTo(code))
                .body("errors.field", hasItem(field));
    }

    private static long count(String sql, Object... args) {
        return ((Number) Db.scalar(sql, args)).longValue();
    }

    @Test
    void salonBodies() {
        UUID ownerId = UUID.randomUUID();
        String owner = TestTokens.owner(ownerId);
        Map<String, Object> longName = SalonManagementTest.salonBody();
        longName.put("nameRu", "Я".repeat(1000));
        assertInvalid(send("POST", owner, "/api/salons", longName), "validation_failed", "nameRu");
        Map<String, Object> longDescription = SalonManagementTest.salonBody();
        longDescription.put("descriptionUz", "a".repeat(5001));
        assertInvalid(send("POST", owner, "/api/salons", longDescription), "validation_failed", "descriptionUz");
        Map<String, Object> nul = SalonManagementTest.salonBody();
        nul.put("nameEn", "Nilufar\u0000salon");
        assertInvalid(send("POST", owner, "/api/salons", nul), "malformed_body", "nameEn");
        Map<String, Object> longPhoto = SalonManagementTest.salonBody();
        longPhoto.put("photos", List.of("https://cdn.example.uz/" + "p".repeat(2100)));
        assertInvalid(send("POST", owner, "/api/salons", longPhoto), "validation_failed", "photos");
        assertThat(count("SELECT count(*) FROM salon WHERE owner_id = ?", ownerId)).isZero();

        SalonFixture f = Fixtures.salon();
        String fOwner = TestTokens.owner(f.ownerId());
        assertInvalid(send("PUT", fOwner, "/api/salons/" + f.salonId(), Map.of("address", "x".repeat(301))),
                "validation_failed", "address");
        assertInvalid(send("PUT", fOwner, "/api/salons/" + f.salonId(), Map.of("descriptionRu", "д".repeat(5001))),
                "validation_failed", "descriptionRu");
        assertThat(Db.scalar("SELECT address FROM salon WHERE id = ?", f.salonId())).isEqualTo("Amir Temur 1");
        assertThat(Db.scalar("SELECT description_ru FROM salon WHERE id = ?", f.salonId())).isNull();

        String admin = TestTokens.admin(UUID.randomUUID());
        assertInvalid(send("POST", admin, "/api/admin/salons/" + f.salonId() + "/suspend",
                Map.of("reason", "r".repeat(1001))), "validation_failed", "reason");
        assertThat(Db.scalar("SELECT status FROM salon WHERE id = ?", f.salonId())).isEqualTo("ACTIVE");
    }

    @Test
    void catalogueBodies() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String services = "/api/salons/" + f.salonId() + "/services";
        Map<String, Object> negative = new HashMap<>(CatalogueManagementTest.serviceBody());
        negative.put("priceTiyin", -1);
        assertInvalid(send("POST", owner, services, negative), "validation_failed", "priceTiyin");
        Map<String, Object> zero = new HashMap<>(CatalogueManagementTest.serviceBody());
        zero.put("durationMinutes", 0);
        assertInvalid(send("POST", owner, services, zero), "validation_failed", "durationMinutes");
        Map<String, Object> huge = new HashMap<>(CatalogueManagementTest.serviceBody());
        huge.put("durationMinutes", 99_999_999_999L);
        assertInvalid(send("POST", owner, services, huge), "malformed_body", "durationMinutes");
        assertThat(count("SELECT count(*) FROM salon_service WHERE salon_id = ?", f.salonId())).isEqualTo(2);
        assertInvalid(send("PUT", owner, services + "/" + f.serviceId(), Map.of("priceTiyin", -5)),
                "validation_failed", "priceTiyin");
        assertThat(count("SELECT price_tiyin FROM salon_service WHERE id = ?", f.serviceId())).isEqualTo(15_000_000L);

        String masters = "/api/salons/" + f.salonId() + "/masters";
        assertInvalid(send("POST", owner, masters, Map.of("name", "N".repeat(1000))), "validation_failed", "name");
        assertInvalid(send("POST", owner, masters, Map.of("name", "Nodira", "photoUrl",
                "https://cdn.example.uz/" + "p".repeat(2100))), "validation_failed", "photoUrl");
        assertInvalid(send("POST", owner, masters, Map.of("name", "Nodira", "experienceYears", -1)),
                "validation_failed", "experienceYears");
        assertThat(count("SELECT count(*) FROM master WHERE salon_id = ?", f.salonId())).isEqualTo(2);
        assertInvalid(send("PUT", owner, masters + "/" + f.masterId() + "/services/" + f.otherServiceId(),
                Map.of("priceTiyin", -1)), "validation_failed", "priceTiyin");
        assertInvalid(send("PUT", owner, masters + "/" + f.masterId() + "/days/2030-01-02",
                Map.of("reason", "r".repeat(501))), "validation_failed", "reason");
        assertThat(count("SELECT count(*) FROM master_date_override WHERE master_id = ?", f.masterId())).isZero();

        Map<String, Object> closure = new HashMap<>();
        closure.put("startsAt", "2030-01-01T00:00:00+05:00");
        closure.put("endsAt", "2030-01-02T00:00:00+05:00");
        closure.put("reason", "r".repeat(501));
        assertInvalid(send("POST", owner, "/api/salons/" + f.salonId() + "/closures", closure),
                "validation_failed", "reason");
        assertThat(count("SELECT count(*) FROM salon_closure WHERE salon_id = ?", f.salonId())).isZero();
    }

    @Test
    void bookingReviewAndPromoBodies() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        Map<String, Object> booking = new HashMap<>();
        booking.put("serviceId", f.serviceId());
        booking.put("startsAt", f.at(Fixtures.daysAhead(f.zone(), 3), "10:00").toString());
        booking.put("comment", "c".repeat(501));
        assertInvalid(send("POST", client, "/api/bookings", booking), "validation_failed", "comment");
        booking.put("comment", "fine");
        booking.put("promoCode", "P".repeat(65));
        assertInvalid(send("POST", client, "/api/bookings", booking), "validation_failed", "promoCode");
        assertThat(count("SELECT count(*) FROM booking WHERE client_id = ?", clientId)).isZero();

        String id = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), "11:00"));
        assertInvalid(send("POST", client, "/api/bookings/" + id + "/cancel", Map.of("reason", "r".repeat(501))),
                "validation_failed", "reason");
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", id)).isEqualTo("CONFIRMED");

        String done = ReviewResourceTest.completedBooking(f, client, f.secondMasterId());
        for (int rating : new int[] {0, 6}) {
            assertInvalid(send("POST", client, "/api/reviews", Map.of("bookingId", done, "rating", rating)),
                    "validation_failed", "rating");
        }
        assertThat(count("SELECT count(*) FROM review WHERE booking_id = ?::uuid", done)).isZero();

        String owner = TestTokens.owner(f.ownerId());
        Map<String, Object> promo = new HashMap<>();
        promo.put("code", "PCT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        promo.put("salonId", f.salonId());
        promo.put("kind", "PERCENT");
        promo.put("value", 150);
        promo.put("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString());
        assertInvalid(send("POST", owner, "/api/promo-codes", promo), "validation_failed", "value");
        assertThat(count("SELECT count(*) FROM promo_code WHERE salon_id = ?", f.salonId())).isZero();
    }
}
