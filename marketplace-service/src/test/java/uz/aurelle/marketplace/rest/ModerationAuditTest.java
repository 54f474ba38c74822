package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Audit;
import uz.aurelle.marketplace.testing.Audit.Event;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Review moderation and admins' promo-code actions leave hash-chained audit rows: who, what, which request. */
@QuarkusTest
class ModerationAuditTest {

    static final UUID ADMIN_ID = UUID.randomUUID();
    static final String ADMIN = TestTokens.admin(ADMIN_ID);

    @Inject
    AuditLog auditLog;

    private static void assertByAdmin(Event e, String targetType, String requestId) {
        assertThat(e.actorType()).isEqualTo("USER");
        assertThat(e.actorId()).isEqualTo(ADMIN_ID.toString());
        assertThat(e.targetType()).isEqualTo(targetType);
        assertThat(e.requestId()).isEqualTo(requestId);
    }

    private static String post(String token, String path, String requestId) {
        return given().auth().oauth2(token).header("X-Request-Id", requestId).post(path).then()
                .statusCode(200).extract().asString();
    }

    @Test
    void hideRestoreAndAdminDeleteOfAReviewAreAuditedWithoutItsTextOrAuthor() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        String text = "Master +998901234567 was late, never again";
        String review = ReviewResourceTest.review(client, ReviewResourceTest.completedBooking(f, client,
                f.masterId()), 2, text);

        post(ADMIN, "/api/admin/reviews/" + review + "/hide", "hide-" + review);
        post(ADMIN, "/api/admin/reviews/" + review + "/restore", "unhide-" + review);
        // Restoring a visible, live review changes nothing and records nothing.
        post(ADMIN, "/api/admin/reviews/" + review + "/restore", "noop-" + review);
        given().auth().oauth2(ADMIN).header("X-Request-Id", "delete-" + review).delete("/api/reviews/" + review)
                .then().statusCode(204);
        post(ADMIN, "/api/admin/reviews/" + review + "/restore", "undelete-" + review);

        List<Event> hidden = Audit.events("review.hidden", review);
        assertThat(hidden).singleElement().satisfies(e -> {
            assertByAdmin(e, "review", "hide-" + review);
            assertThat(e.details()).contains(f.salonId().toString());
        });
        assertThat(Audit.events("review.deleted", review)).singleElement()
                .satisfies(e -> assertByAdmin(e, "review", "delete-" + review));
        List<Event> restored = Audit.events("review.restored", review);
        assertThat(restored).hasSize(2);
        assertByAdmin(restored.get(0), "review", "unhide-" + review);
        assertThat(restored.get(0).details()).contains("\"undeleted\":false").contains("\"unhidden\":true");
        assertByAdmin(restored.get(1), "review", "undelete-" + review);
        assertThat(restored.get(1).details()).contains("\"undeleted\":true").contains("\"unhidden\":false");

        for (Event e : List.of(hidden.get(0), restored.get(0), restored.get(1))) {
            assertThat(e.details()).doesNotContain("901234567").doesNotContain("late")
                    .doesNotContain(clientId.toString());
        }
        Audit.assertChainValid(auditLog);
    }

    @Test
    void theAuthorDeletingTheirOwnReviewIsNoModeration() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String review = ReviewResourceTest.review(client, ReviewResourceTest.completedBooking(f, client,
                f.masterId()), 4, "Fine");
        given().auth().oauth2(client).delete("/api/reviews/" + review).then().statusCode(204);
        assertThat(Audit.events("review.deleted", review)).isEmpty();
    }

    @Test
    void adminsPromoCodeActionsAreAuditedOwnersOwnCodesAreNot() {
        SalonFixture f = Fixtures.salon();
        String global = create(ADMIN, null, "create-global");
        String salonCodeByAdmin = create(ADMIN, f.salonId(), "create-salon");
        String ownersCode = create(TestTokens.owner(f.ownerId()), f.salonId(), "create-owner");

        given().auth().oauth2(ADMIN).header("X-Request-Id", "delete-global").delete("/api/promo-codes/" + global)
                .then().statusCode(204);
        post(ADMIN, "/api/promo-codes/" + global + "/restore", "restore-global");
        given().auth().oauth2(ADMIN).header("X-Request-Id", "delete-owners").delete("/api/promo-codes/" + ownersCode)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).delete("/api/promo-codes/" + salonCodeByAdmin).then()
                .statusCode(204);

        assertThat(Audit.events("promo_code.created", global)).singleElement().satisfies(e -> {
            assertByAdmin(e, "promo_code", "create-global");
            assertThat(e.details()).contains("\"salonId\":null").contains("\"kind\":\"PERCENT\"")
                    .contains("\"value\":15");
        });
        assertThat(Audit.events("promo_code.deleted", global)).singleElement()
                .satisfies(e -> assertByAdmin(e, "promo_code", "delete-global"));
        assertThat(Audit.events("promo_code.restored", global)).singleElement()
                .satisfies(e -> assertByAdmin(e, "promo_code", "restore-global"));
        assertThat(Audit.events("promo_code.created", salonCodeByAdmin)).singleElement().satisfies(e -> {
            assertByAdmin(e, "promo_code", "create-salon");
            assertThat(e.details()).contains(f.salonId().toString());
        });
        // An admin deleting an owner's code is audited; the owner's own create and delete are not.
        assertThat(Audit.events("promo_code.deleted", ownersCode)).singleElement()
                .satisfies(e -> assertByAdmin(e, "promo_code", "delete-owners"));
        assertThat(Audit.events("promo_code.created", ownersCode)).isEmpty();
        assertThat(Audit.events("promo_code.deleted", salonCodeByAdmin)).isEmpty();

        String codeText = (String) Db.scalar("SELECT code FROM promo_code WHERE id = ?::uuid", global);
        assertThat(Db.scalar("SELECT count(*) FROM audit_log WHERE details LIKE ?",
                "%" + codeText + "%")).isEqualTo(0L);
        Audit.assertChainValid(auditLog);
    }

    private static String create(String token, UUID salonId, String requestId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "AUD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        body.put("salonId", salonId);
        body.put("kind", "PERCENT");
        body.put("value", 15);
        body.put("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString());
        return given().auth().oauth2(token).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(body).post("/api/promo-codes").then().statusCode(201).extract().path("id");
    }
}
