package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class FavouriteResourceTest {

    @Test
    void addIsIdempotentAndShowsUpInListAndCheck() {
        SalonFixture a = Fixtures.salon();
        SalonFixture b = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String token = TestTokens.client(clientId);

        given().auth().oauth2(token).get("/api/favorites/" + a.salonId()).then().statusCode(200)
                .body("favorite", equalTo(false));
        given().auth().oauth2(token).put("/api/favorites/" + a.salonId()).then().statusCode(204);
        given().auth().oauth2(token).put("/api/favorites/" + a.salonId()).then().statusCode(204);
        given().auth().oauth2(token).put("/api/favorites/" + b.salonId()).then().statusCode(204);
        assertThat(((Number) Db.scalar("SELECT count(*) FROM favorite WHERE client_id = ?", clientId)).intValue())
                .isEqualTo(2);

        given().auth().oauth2(token).get("/api/favorites/" + a.salonId()).then().statusCode(200)
                .body("salonId", equalTo(a.salonId().toString())).body("favorite", equalTo(true));
        // Newest first, with the salon's name for the list screen.
        given().auth().oauth2(token).get("/api/favorites").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2))
                .body("items.salonId", equalTo(List.of(b.salonId().toString(), a.salonId().toString())))
                .body("items[0].nameEn", equalTo("Salon"));
        given().auth().oauth2(token).get("/api/favorites?size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.salonId", equalTo(List.of(a.salonId().toString())));

        // Another client's list is separate.
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/favorites").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void removeIsIdempotent() {
        SalonFixture a = Fixtures.salon();
        String token = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(token).put("/api/favorites/" + a.salonId()).then().statusCode(204);
        given().auth().oauth2(token).delete("/api/favorites/" + a.salonId()).then().statusCode(204);
        given().auth().oauth2(token).delete("/api/favorites/" + a.salonId()).then().statusCode(204);
        given().auth().oauth2(token).get("/api/favorites/" + a.salonId()).then().statusCode(200)
                .body("favorite", equalTo(false));
        given().auth().oauth2(token).get("/api/favorites").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyActiveLiveSalonsCanBeAdded() {
        String token = TestTokens.client(UUID.randomUUID());
        SalonFixture pending = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        SalonFixture deleted = Fixtures.salon();
        Db.update("UPDATE salon SET deleted_at = now() WHERE id = ?", deleted.salonId());

        for (UUID salon : List.of(pending.salonId(), deleted.salonId(), UUID.randomUUID())) {
            given().auth().oauth2(token).put("/api/favorites/" + salon).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("salon_not_found"));
        }
        given().auth().oauth2(token).put("/api/favorites/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aSalonThatStopsBeingPublicDropsOutOfTheList() {
        SalonFixture a = Fixtures.salon();
        String token = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(token).put("/api/favorites/" + a.salonId()).then().statusCode(204);
        Db.update("UPDATE salon SET status = 'SUSPENDED' WHERE id = ?", a.salonId());
        given().auth().oauth2(token).get("/api/favorites").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void onlyClientsWithValidParameters() {
        SalonFixture a = Fixtures.salon();
        given().put("/api/favorites/" + a.salonId()).then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.owner(a.ownerId())).put("/api/favorites/" + a.salonId()).then()
                .statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/favorites?size=0").then()
                .statusCode(400).body("code", equalTo("invalid_parameter")).body("parameter", equalTo("size"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/favorites?page=-1").then()
                .statusCode(400).body("code", equalTo("invalid_parameter"));
    }
}
