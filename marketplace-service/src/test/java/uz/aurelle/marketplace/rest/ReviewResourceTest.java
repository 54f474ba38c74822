package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
class ReviewResourceTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    /** Books, moves the visit into the past and lets the owner complete it. */
    static String completedBooking(SalonFixture f, String clientToken, UUID master) {
        String id = Api.bookOk(clientToken, f.serviceId(), master, f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"));
        Api.shiftIntoPast(id);
        Api.post(TestTokens.owner(f.ownerId()), "/api/bookings/" + id + "/complete", null).then().statusCode(200);
        return id;
    }

    static String review(String token, String bookingId, int rating, String text) {
        return Api.post(token, "/api/reviews", Map.of("bookingId", bookingId, "rating", rating, "text", text))
                .then().statusCode(201).extract().path("id");
    }

    private static void assertSalonRating(SalonFixture f, double avg, int count) {
        var row = Db.query("SELECT rating_avg, rating_count FROM salon WHERE id = ?", f.salonId()).get(0);
        assertThat(((Number) row.get(0)).doubleValue()).isCloseTo(avg, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) row.get(1)).intValue()).isEqualTo(count);
    }

    private static void assertMasterRating(UUID master, double avg, int count) {
        var row = Db.query("SELECT rating_avg, rating_count FROM master WHERE id = ?", master).get(0);
        assertThat(((Number) row.get(0)).doubleValue()).isCloseTo(avg, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) row.get(1)).intValue()).isEqualTo(count);
    }

    @Test
    void clientReviewsACompletedVisitAndAggregatesFollowEveryChange() {
        SalonFixture f = Fixtures.salon();
        String alice = TestTokens.client(UUID.randomUUID());
        String bob = TestTokens.client(UUID.randomUUID());
        String b1 = completedBooking(f, alice, f.masterId());
        String b2 = completedBooking(f, bob, f.secondMasterId());

        String r1 = Api.post(alice, "/api/reviews", Map.of("bookingId", b1, "rating", 5, "text", "Ajoyib!"))
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/reviews/"
                        + Db.scalar("SELECT id FROM review WHERE booking_id = ?::uuid", b1)))
                .body("rating", equalTo(5)).body("text", equalTo("Ajoyib!"))
                .body("masterId", equalTo(f.masterId().toString())).extract().path("id");
        String r2 = review(bob, b2, 2, "Slow");
        assertSalonRating(f, 3.5, 2);
        assertMasterRating(f.masterId(), 5.0, 1);
        assertMasterRating(f.secondMasterId(), 2.0, 1);

        // Edit within 24 h.
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("rating", 4, "text", "Better than I said"))
                .put("/api/reviews/" + r2).then().statusCode(200).body("rating", equalTo(4));
        assertSalonRating(f, 4.5, 2);
        assertMasterRating(f.secondMasterId(), 4.0, 1);

        // Hidden reviews leave the public list and the aggregates; unhiding brings them back.
        Api.post(ADMIN, "/api/admin/reviews/" + r1 + "/hide", null).then().statusCode(200).body("hidden", equalTo(true));
        assertSalonRating(f, 4.0, 1);
        assertMasterRating(f.masterId(), 0.0, 0);
        given().get("/api/salons/" + f.salonId() + "/reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(r2)));
        given().get("/api/reviews/" + r1).then().statusCode(404).body("code", equalTo("review_not_found"));
        given().auth().oauth2(alice).get("/api/reviews/" + r1).then().statusCode(200).body("hidden", equalTo(true));
        given().auth().oauth2(ADMIN).get("/api/admin/reviews?hidden=true&salonId=" + f.salonId()).then()
                .statusCode(200).body("items.id", equalTo(List.of(r1)));
        Api.post(ADMIN, "/api/admin/reviews/" + r1 + "/restore", null).then().statusCode(200)
                .body("hidden", equalTo(false));
        assertSalonRating(f, 4.5, 2);

        // Deleting by the author, then an admin restore.
        given().auth().oauth2(alice).delete("/api/reviews/" + r1).then().statusCode(204);
        assertSalonRating(f, 4.0, 1);
        assertMasterRating(f.masterId(), 0.0, 0);
        given().get("/api/reviews/" + r1).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/admin/reviews/deleted?size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(r1));
        Api.post(ADMIN, "/api/admin/reviews/" + r1 + "/restore", null).then().statusCode(200)
                .body("id", equalTo(r1));
        assertSalonRating(f, 4.5, 2);
        assertMasterRating(f.masterId(), 5.0, 1);
        Api.post(ADMIN, "/api/admin/reviews/" + r1 + "/restore", null).then().statusCode(200);
        assertSalonRating(f, 4.5, 2);
        Api.post(ADMIN, "/api/admin/reviews/" + UUID.randomUUID() + "/restore", null).then().statusCode(404)
                .body("code", equalTo("review_not_found"));

        given().get("/api/salons/" + f.salonId() + "/reviews?size=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("items[0].id", equalTo(r2));
    }

    @Test
    void onlyTheClientOfACompletedBookingReviewsItOnce() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        String upcoming = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 5), "11:00"));
        Api.post(client, "/api/reviews", Map.of("bookingId", upcoming, "rating", 5)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("booking_not_completed"))
                .body("bookingStatus", equalTo("CONFIRMED"));

        String done = completedBooking(f, client, f.secondMasterId());
        Api.post(TestTokens.client(UUID.randomUUID()), "/api/reviews", Map.of("bookingId", done, "rating", 5))
                .then().statusCode(404).body("code", equalTo("booking_not_found"));
        Api.post(client, "/api/reviews", Map.of("bookingId", UUID.randomUUID().toString(), "rating", 5))
                .then().statusCode(404).body("code", equalTo("booking_not_found"));
        for (Object bad : List.of(0, 6)) {
            Api.post(client, "/api/reviews", Map.of("bookingId", done, "rating", bad)).then().statusCode(400)
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("rating"));
        }
        Api.post(client, "/api/reviews", Map.of("bookingId", done)).then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        Api.post(client, "/api/reviews", Map.of("bookingId", done, "rating", 3, "text", "x".repeat(2001)))
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        Api.post(client, "/api/reviews", Map.of("rating", 3)).then().statusCode(400)
                .body("errors[0].field", equalTo("bookingId"));
        Api.post(client, "/api/reviews", Map.of("bookingId", done, "rating", "five")).then().statusCode(400)
                .body("code", equalTo("malformed_body"));
        Api.post(TestTokens.owner(f.ownerId()), "/api/reviews", Map.of("bookingId", done, "rating", 5)).then()
                .statusCode(403);

        String id = review(client, done, 4, "ok");
        Api.post(client, "/api/reviews", Map.of("bookingId", done, "rating", 5)).then().statusCode(409)
                .body("code", equalTo("review_exists")).body("reviewId", equalTo(id));
        assertSalonRating(f, 4.0, 1);
    }

    @Test
    void editingClosesAfter24HoursAndOnlyTheAuthorMayEdit() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String id = review(client, completedBooking(f, client, f.masterId()), 3, "meh");

        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("rating", 1)).put("/api/reviews/" + id).then().statusCode(404)
                .body("code", equalTo("review_not_found"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).delete("/api/reviews/" + id).then()
                .statusCode(404);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("rating", 9))
                .put("/api/reviews/" + id).then().statusCode(400).body("code", equalTo("validation_failed"));

        Db.update("UPDATE review SET created_at = now() - interval '25 hours' WHERE id = ?::uuid", id);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("rating", 5, "text", "changed"))
                .put("/api/reviews/" + id).then().statusCode(409).body("code", equalTo("review_edit_window_closed"));
        given().auth().oauth2(client).header("Accept-Language", "ru").contentType(ContentType.JSON)
                .body(Map.of("rating", 5)).put("/api/reviews/" + id).then().statusCode(409)
                .body("title", equalTo("Слишком поздно для правки"));
        given().get("/api/reviews/" + id).then().statusCode(200).body("rating", equalTo(3)).body("text", equalTo("meh"));
        assertSalonRating(f, 3.0, 1);
    }

    @Test
    void onlyTheSalonsOwnerReplies() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String id = review(client, completedBooking(f, client, f.masterId()), 5, "Zo'r");

        Api.post(TestTokens.owner(other.ownerId()), "/api/reviews/" + id + "/reply", Map.of("text", "thanks"))
                .then().statusCode(404).body("code", equalTo("review_not_found"));
        Api.post(client, "/api/reviews/" + id + "/reply", Map.of("text", "me")).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        Api.post(TestTokens.owner(f.ownerId()), "/api/reviews/" + id + "/reply", Map.of("text", " ")).then()
                .statusCode(400).body("errors[0].field", equalTo("text"));
        Api.post(TestTokens.owner(f.ownerId()), "/api/reviews/" + id + "/reply", Map.of("text", "Rahmat!")).then()
                .statusCode(200).body("ownerReply", equalTo("Rahmat!"));
        given().get("/api/salons/" + f.salonId() + "/reviews").then().statusCode(200)
                .body("items[0].ownerReply", equalTo("Rahmat!")).body("items[0].clientId", nullValue());
        Api.post(TestTokens.owner(f.ownerId()), "/api/reviews/" + UUID.randomUUID() + "/reply", Map.of("text", "x"))
                .then().statusCode(404).body("code", equalTo("review_not_found"));
    }

    @Test
    void restoringIsRefusedWhenTheBookingWasReviewedAgain() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String booking = completedBooking(f, client, f.masterId());
        String first = review(client, booking, 1, "bad");
        given().auth().oauth2(client).delete("/api/reviews/" + first).then().statusCode(204);
        // Within the first review's 24 h the author may replace it (an edit; ReviewRepostTest covers later).
        review(client, booking, 4, "second thoughts");
        Api.post(ADMIN, "/api/admin/reviews/" + first + "/restore", null).then().statusCode(409)
                .body("code", equalTo("review_exists"));
        assertSalonRating(f, 4.0, 1);
    }

    @Test
    void moderationIsForAdminsAndNonPublicSalonsHaveNoReviewPage() {
        SalonFixture pending = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        given().get("/api/salons/" + pending.salonId() + "/reviews").then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        given().get("/api/salons/" + UUID.randomUUID() + "/reviews").then().statusCode(404);
        Api.post(TestTokens.owner(UUID.randomUUID()), "/api/admin/reviews/" + UUID.randomUUID() + "/hide", null)
                .then().statusCode(403);
        given().post("/api/admin/reviews/" + UUID.randomUUID() + "/hide").then().statusCode(401);
        Api.post(ADMIN, "/api/admin/reviews/" + UUID.randomUUID() + "/hide", null).then().statusCode(404)
                .body("code", equalTo("review_not_found"));
        given().auth().oauth2(ADMIN).get("/api/admin/reviews?hidden=maybe").then().statusCode(400)
                .body("code", equalTo("invalid_parameter")).body("parameter", equalTo("hidden"));
        given().auth().oauth2(ADMIN).get("/api/admin/reviews?salonId=nope").then().statusCode(400)
                .body("parameter", equalTo("salonId"));
    }
}
