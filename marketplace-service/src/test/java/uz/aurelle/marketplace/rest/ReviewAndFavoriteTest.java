package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class ReviewAndFavoriteTest {

    static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    /** Books, moves the visit {@code hoursAgo} into the past and lets the master complete it. */
    static String completedBooking(SalonFixture f, String client, String time, int hoursAgo) {
        String id = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), time));
        Db.update("UPDATE booking SET starts_at = now() - make_interval(hours => ?), ends_at = now()"
                + " - make_interval(hours => ? - 1), occupied_from = now() - make_interval(hours => ?), occupied_to"
                + " = now() - make_interval(hours => ? - 1) WHERE id = ?::uuid", hoursAgo, hoursAgo, hoursAgo,
                hoursAgo, id);
        Api.post(TestTokens.master(f.masterUserId()), "/api/bookings/" + id + "/complete", null).then().statusCode(200);
        return id;
    }

    @Test
    void onlyTheClientOfACompletedVisitReviewsOnceAndAggregatesFollow() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String first = completedBooking(f, client, "10:00", 5);
        String second = completedBooking(f, client, "15:00", 3);
        String upcoming = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 5), "10:00"));

        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", upcoming, "rating", 5)).post("/api/reviews")
                .then().statusCode(409).body("code", equalTo("booking_not_completed"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("bookingId", first, "rating", 5)).post("/api/reviews").then().statusCode(404);
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", first, "rating", 6)).post("/api/reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));

        String r1 = given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", first, "rating", 5, "text", "Zoʻr!")).post("/api/reviews")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", first, "rating", 4)).post("/api/reviews").then().statusCode(409)
                .body("code", equalTo("review_exists"));
        String r2 = given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Map.of("bookingId", second, "rating", 2)).post("/api/reviews")
                .then().statusCode(201).extract().path("id");
        assertThat(Db.query("SELECT rating_avg, rating_count FROM salon WHERE id = ?", f.salonId()))
                .containsExactly(java.util.List.of(3.5, 2));
        assertThat(Db.scalar("SELECT rating_avg FROM master WHERE id = ?", f.masterId())).isEqualTo(3.5);

        // Editable for 24 h by its author only.
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("rating", 3))
                .put("/api/reviews/" + r2).then().statusCode(200).body("rating", equalTo(3));
        assertThat(Db.scalar("SELECT rating_avg FROM salon WHERE id = ?", f.salonId())).isEqualTo(4.0);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("rating", 1)).put("/api/reviews/" + r2).then().statusCode(404);
        Db.update("UPDATE review SET created_at = now() - interval '25 hours' WHERE id = ?::uuid", r2);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("rating", 1))
                .put("/api/reviews/" + r2).then().statusCode(409).body("code", equalTo("review_edit_window_closed"));

        // Owner replies; another owner cannot.
        Api.post(TestTokens.owner(UUID.randomUUID()), "/api/reviews/" + r1 + "/reply", Map.of("text", "Hi"))
                .then().statusCode(404);
        Api.post(TestTokens.owner(f.ownerId()), "/api/reviews/" + r1 + "/reply", Map.of("text", "Rahmat!"))
                .then().statusCode(200).body("ownerReply", equalTo("Rahmat!"));

        // Admin hides: the review leaves the salon page and the aggregates; restoring brings it back.
        given().auth().oauth2(ADMIN).post("/api/admin/reviews/" + r2 + "/hide").then().statusCode(200);
        given().get("/api/salons/" + f.salonId() + "/reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].ownerReply", equalTo("Rahmat!"));
        assertThat(Db.query("SELECT rating_avg, rating_count FROM salon WHERE id = ?", f.salonId()))
                .containsExactly(java.util.List.of(5.0, 1));
        given().auth().oauth2(ADMIN).post("/api/admin/reviews/" + r2 + "/restore").then().statusCode(200);
        given().get("/api/salons/" + f.salonId() + "/reviews").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(client).post("/api/admin/reviews/" + r2 + "/hide").then().statusCode(403);
    }

    @Test
    void favouritesAreAddedOnceListedCheckedAndRemoved() {
        SalonFixture f = Fixtures.salon();
        SalonFixture pending = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        String client = TestTokens.client(UUID.randomUUID());

        given().auth().oauth2(client).put("/api/favorites/" + f.salonId()).then().statusCode(204);
        given().auth().oauth2(client).put("/api/favorites/" + f.salonId()).then().statusCode(204);
        given().auth().oauth2(client).put("/api/favorites/" + pending.salonId()).then().statusCode(404);
        given().auth().oauth2(client).get("/api/favorites").then().statusCode(200)
                .body("total", equalTo(1)).body("items", hasSize(1))
                .body("items[0].salonId", equalTo(f.salonId().toString()));
        given().auth().oauth2(client).get("/api/favorites/" + f.salonId()).then().statusCode(200)
                .body("favorite", equalTo(true));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/favorites/" + f.salonId()).then()
                .statusCode(200).body("favorite", equalTo(false));
        given().auth().oauth2(client).delete("/api/favorites/" + f.salonId()).then().statusCode(204);
        given().auth().oauth2(client).get("/api/favorites").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/favorites").then().statusCode(401);
    }
}
