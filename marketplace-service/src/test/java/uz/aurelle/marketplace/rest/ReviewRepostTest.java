package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/** Deleting a review and posting a new one is an edit: same 24 h window; an admin's deletion is final. */
@QuarkusTest
class ReviewRepostTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    private static long liveReviews(String booking) {
        return (Long) Db.scalar("SELECT count(*) FROM review WHERE booking_id = ?::uuid AND deleted_at IS NULL",
                booking);
    }

    @Test
    void repostingAfterTheAuthorsDeletionIsBoundToTheFirstReviewsWindow() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String booking = ReviewResourceTest.completedBooking(f, client, f.masterId());
        String first = ReviewResourceTest.review(client, booking, 2, "first");
        Db.update("UPDATE review SET created_at = now() - interval '23 hours' WHERE id = ?::uuid", first);
        Object firstCreated = Db.scalar("SELECT created_at FROM review WHERE id = ?::uuid", first);

        given().auth().oauth2(client).delete("/api/reviews/" + first).then().statusCode(204);
        String second = ReviewResourceTest.review(client, booking, 4, "second");
        // The replacement inherits the first creation time, so re-posting cannot restart the window.
        assertThat(Db.scalar("SELECT created_at FROM review WHERE id = ?::uuid", second)).isEqualTo(firstCreated);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("rating", 5))
                .put("/api/reviews/" + second).then().statusCode(200).body("rating", equalTo(5));

        Db.update("UPDATE review SET created_at = now() - interval '25 hours' WHERE booking_id = ?::uuid", booking);
        given().auth().oauth2(client).delete("/api/reviews/" + second).then().statusCode(204);
        Api.post(client, "/api/reviews", Map.of("bookingId", booking, "rating", 1, "text", "third")).then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("review_edit_window_closed"));
        assertThat(liveReviews(booking)).isZero();
    }

    @Test
    void aReviewDeletedByAnAdminCannotBeRepostedUntilAnAdminRestoresIt() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String booking = ReviewResourceTest.completedBooking(f, client, f.masterId());
        String id = ReviewResourceTest.review(client, booking, 1, "rude words");

        given().auth().oauth2(ADMIN).delete("/api/reviews/" + id).then().statusCode(204);
        Api.post(client, "/api/reviews", Map.of("bookingId", booking, "rating", 5, "text", "again")).then()
                .statusCode(409).body("code", equalTo("review_removed_by_moderation"));
        Api.post(client, "/api/reviews", Map.of("bookingId", booking, "rating", 5)).then()
                .statusCode(409).body("code", equalTo("review_removed_by_moderation"));
        assertThat(liveReviews(booking)).isZero();

        // A restore undoes the moderation entirely: afterwards the author's own deletion is an ordinary edit.
        Api.post(ADMIN, "/api/admin/reviews/" + id + "/restore", null).then().statusCode(200);
        assertThat(Db.scalar("SELECT deleted_by FROM review WHERE id = ?::uuid", id)).isNull();
        given().auth().oauth2(client).delete("/api/reviews/" + id).then().statusCode(204);
        ReviewResourceTest.review(client, booking, 3, "fair");
        assertThat(liveReviews(booking)).isEqualTo(1);
    }
}
