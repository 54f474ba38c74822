package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class SalonManagementTest {

    static final UUID ADMIN_ID = UUID.randomUUID();
    static final String ADMIN = TestTokens.admin(ADMIN_ID);

    static Map<String, Object> salonBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("nameRu", "Салон Нилуфар");
        body.put("nameUz", "Nilufar saloni");
        body.put("nameEn", "Nilufar salon");
        body.put("address", "Amir Temur ko'chasi 15");
        body.put("latitude", 41.3111);
        body.put("longitude", 69.2797);
        body.put("phone", "+998901112233");
        body.put("photos", List.of("https://cdn.example.uz/a.jpg"));
        body.put("refundTiers", "48:100,24:50");
        return body;
    }

    static Response create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/salons");
    }

    @Test
    void ownerCreatesASalonThatWaitsForReview() {
        UUID ownerId = UUID.randomUUID();
        String owner = TestTokens.owner(ownerId);

        Response created = create(owner, salonBody());
        created.then().statusCode(201).header("Location", startsWith("http"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("ownerId", equalTo(ownerId.toString()))
                .body("timeZone", equalTo("Asia/Tashkent"))
                .body("refundTiers[0].minHoursBefore", equalTo(48))
                .body("refundTiers[1].percent", equalTo(50));
        String id = created.path("id");

        given().get("/api/salons/" + id).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(owner).get("/api/salons/" + id).then().statusCode(200);
        given().auth().oauth2(owner).get("/api/salons/mine").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("nameEn", "Nilufar Beauty",
                        "slotIntervalMinutes", 30))
                .put("/api/salons/" + id).then().statusCode(200)
                .body("nameEn", equalTo("Nilufar Beauty")).body("slotIntervalMinutes", equalTo(30))
                .body("nameRu", equalTo("Салон Нилуфар"));
    }

    @Test
    void invalidSalonsAreRefusedClearly() {
        String owner = TestTokens.owner(UUID.randomUUID());
        Map<String, Object> noName = salonBody();
        noName.remove("nameRu");
        create(owner, noName).then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("nameRu"));
        Map<String, Object> zone = salonBody();
        for (String notARegion : List.of("Mars/Olympus", "+05:00", "UTC+5", "GMT+05:00")) {
            zone.put("timeZone", notARegion);
            create(owner, zone).then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        }
        Map<String, Object> tiers = salonBody();
        tiers.put("refundTiers", "lots");
        create(owner, tiers).then().statusCode(400).body("code", equalTo("invalid_refund_tiers"));
        Map<String, Object> lat = salonBody();
        lat.put("latitude", 123.0);
        create(owner, lat).then().statusCode(400).body("errors[0].field", equalTo("latitude"));
        create(TestTokens.client(UUID.randomUUID()), salonBody()).then().statusCode(403);
    }

    @Test
    void anotherOwnerCannotTouchTheSalon() {
        SalonFixture f = Fixtures.salon();
        String stranger = TestTokens.owner(UUID.randomUUID());
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("nameEn", "Mine now"))
                .put("/api/salons/" + f.salonId()).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(stranger).delete("/api/salons/" + f.salonId()).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/salons/mine").then().statusCode(200)
                .body("id", not(hasItem(f.salonId().toString())));
        given().get("/api/salons/" + f.salonId()).then().statusCode(200).body("nameEn", equalTo("Salon"));
    }

    @Test
    void adminApprovesRejectsAndSuspends() {
        String owner = TestTokens.owner(UUID.randomUUID());
        String first = create(owner, salonBody()).then().statusCode(201).extract().path("id");
        String second = create(owner, salonBody()).then().statusCode(201).extract().path("id");

        given().auth().oauth2(ADMIN).get("/api/admin/salons?status=PENDING_REVIEW&size=100").then().statusCode(200)
                .body("items.id", hasItem(first));
        given().auth().oauth2(ADMIN).post("/api/admin/salons/" + first + "/approve").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().get("/api/salons/" + first).then().statusCode(200);

        Api.post(ADMIN, "/api/admin/salons/" + first + "/reject", Map.of("reason", "late")).then().statusCode(409)
                .body("code", equalTo("invalid_salon_transition"));
        Api.post(ADMIN, "/api/admin/salons/" + first + "/suspend", Map.of()).then().statusCode(400)
                .body("code", equalTo("reason_required"));
        Api.post(ADMIN, "/api/admin/salons/" + first + "/suspend", Map.of("reason", "complaints")).then()
                .statusCode(200).body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("complaints"));
        given().get("/api/salons/" + first).then().statusCode(404);
        org.assertj.core.api.Assertions.assertThat(uz.aurelle.marketplace.testing.Db.query(
                        "SELECT actor_id, CAST(details AS jsonb)->>'status' FROM audit_log WHERE action ="
                                + " 'salon.status_changed' AND target_id = ? ORDER BY seq", first))
                .containsExactly(List.of(ADMIN_ID.toString(), "ACTIVE"), List.of(ADMIN_ID.toString(), "SUSPENDED"));

        Api.post(ADMIN, "/api/admin/salons/" + second + "/reject", Map.of("reason", "photos missing")).then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("statusReason", equalTo("photos missing"));
        given().auth().oauth2(owner).get("/api/salons/" + second).then().statusCode(200)
                .body("statusReason", equalTo("photos missing"));

        given().auth().oauth2(owner).post("/api/admin/salons/" + second + "/approve").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/admin/salons?status=OPEN").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
        given().auth().oauth2(ADMIN).post("/api/admin/salons/" + UUID.randomUUID() + "/approve").then()
                .statusCode(404);
    }

    @Test
    void softDeletedSalonDisappearsUntilAnAdminRestoresIt() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String booking = Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"));
        // A finished visit: upcoming bookings block the deletion (DeletionGuardTest).
        Api.shiftIntoPast(booking);
        Api.post(owner, "/api/bookings/" + booking + "/complete", null).then().statusCode(200);

        given().auth().oauth2(owner).delete("/api/salons/" + f.salonId()).then().statusCode(204);
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId()).then().statusCode(404);
        given().get("/api/salons/{id}/slots?serviceId={s}&from=2030-01-01", f.salonId(), f.serviceId()).then()
                .statusCode(404);
        given().auth().oauth2(owner).get("/api/bookings/" + booking).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/admin/salons/deleted?size=100").then().statusCode(200)
                .body("items.id", hasItem(f.salonId().toString()));

        given().auth().oauth2(ADMIN).post("/api/admin/salons/" + f.salonId() + "/restore").then().statusCode(204);
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId()).then().statusCode(200);
        given().auth().oauth2(owner).get("/api/bookings/" + booking).then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/admin/salons/" + f.salonId() + "/restore").then().statusCode(404);
    }
}
