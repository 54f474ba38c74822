package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Audit;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Admins list and restore a salon's deleted masters and services under /api/admin/salons/{id}/. */
@QuarkusTest
class AdminCatalogueRestoreTest {

    static final UUID ADMIN_ID = UUID.randomUUID();
    static final String ADMIN = TestTokens.admin(ADMIN_ID);

    @Inject
    AuditLog auditLog;

    private static void deleteMaster(SalonFixture f, UUID master) {
        given().auth().oauth2(TestTokens.owner(f.ownerId())).delete("/api/salons/{s}/masters/{m}", f.salonId(), master)
                .then().statusCode(204);
    }

    private static void deleteService(SalonFixture f, UUID service) {
        given().auth().oauth2(TestTokens.owner(f.ownerId()))
                .delete("/api/salons/{s}/services/{v}", f.salonId(), service).then().statusCode(204);
    }

    private static boolean deleted(String table, UUID id) {
        return (Boolean) Db.scalar("SELECT deleted_at IS NOT NULL FROM " + table + " WHERE id = ?", id);
    }

    @Test
    void aRestoredMasterComesBackWithOffersAndHoursAndIsAudited() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        deleteMaster(f, f.masterId());
        deleteMaster(other, other.masterId());
        given().get("/api/salons/{s}/masters", f.salonId()).then().statusCode(200)
                .body("id", not(hasItem(f.masterId().toString())));
        // Only the first master does the second service: with it gone, nobody does.
        Api.book(TestTokens.client(UUID.randomUUID()), f.otherServiceId(), null,
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")).then().statusCode(422)
                .body("code", equalTo("master_not_offering_service"));

        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/masters/deleted", f.salonId()).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(f.masterId().toString()))
                .body("items[0].name", equalTo("Dilnoza")).body("items[0].linkedAccount", equalTo(true));

        String requestId = "restore-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).header("X-Request-Id", requestId)
                .post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(), f.masterId()).then()
                .statusCode(200).body("id", equalTo(f.masterId().toString())).body("salonId",
                        equalTo(f.salonId().toString()));

        given().get("/api/salons/{s}/masters", f.salonId()).then().statusCode(200)
                .body("id", hasItem(f.masterId().toString()));
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/masters/deleted", f.salonId()).then()
                .statusCode(200).body("total", equalTo(0));
        // Offers and weekly hours were kept: the master is bookable for both services again.
        Api.book(TestTokens.client(UUID.randomUUID()), f.otherServiceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")).then().statusCode(201)
                .body("masterId", equalTo(f.masterId().toString()));
        // The other salon's deleted master was never listed here and stays deleted.
        assertThat(deleted("master", other.masterId())).isTrue();

        List<Audit.Event> events = Audit.events("master.restored", f.masterId());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actorType()).isEqualTo("USER");
            assertThat(e.actorId()).isEqualTo(ADMIN_ID.toString());
            assertThat(e.targetType()).isEqualTo("master");
            assertThat(e.requestId()).isEqualTo(requestId);
            assertThat(e.details()).contains(f.salonId().toString());
        });
        Audit.assertChainValid(auditLog);

        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(), f.masterId())
                .then().statusCode(404).body("code", equalTo("master_not_found"));
    }

    @Test
    void masterRestoreRefusesUnknownLiveForeignAndAnotherSalonsMasters() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String restore = "/api/admin/salons/{s}/masters/{m}/restore";
        given().auth().oauth2(ADMIN).post(restore, f.salonId(), UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("master_not_found"));
        given().auth().oauth2(ADMIN).post(restore, f.salonId(), f.masterId()).then().statusCode(404)
                .body("code", equalTo("master_not_found"));
        deleteMaster(other, other.masterId());
        given().auth().oauth2(ADMIN).post(restore, f.salonId(), other.masterId()).then().statusCode(404)
                .body("code", equalTo("master_not_found"));
        assertThat(deleted("master", other.masterId())).isTrue();
        given().auth().oauth2(ADMIN).post(restore, UUID.randomUUID(), other.masterId()).then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/masters/deleted", UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("salon_not_found"));
        assertThat(Audit.events("master.restored", other.masterId())).isEmpty();
    }

    @Test
    void aChildOfADeletedSalonIsNotRestoredUntilTheSalonIs() {
        SalonFixture f = Fixtures.salon();
        deleteMaster(f, f.secondMasterId());
        deleteService(f, f.otherServiceId());
        given().auth().oauth2(TestTokens.owner(f.ownerId())).delete("/api/salons/{s}", f.salonId()).then()
                .statusCode(204);

        // Still listed for the admin, but not restorable into a deleted salon.
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/masters/deleted", f.salonId()).then()
                .statusCode(200).body("items.id", hasItem(f.secondMasterId().toString()));
        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(),
                f.secondMasterId()).then().statusCode(409).body("code", equalTo("salon_deleted"));
        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(),
                f.otherServiceId()).then().statusCode(409).body("code", equalTo("salon_deleted"));
        assertThat(deleted("master", f.secondMasterId())).isTrue();
        assertThat(deleted("salon_service", f.otherServiceId())).isTrue();

        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/restore", f.salonId()).then().statusCode(204);
        assertThat(Audit.events("salon.restored", f.salonId())).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(ADMIN_ID.toString()));
        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(),
                f.secondMasterId()).then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(),
                f.otherServiceId()).then().statusCode(200);
    }

    @Test
    void aMasterWhoseAccountWasLinkedAgainMeanwhileIsNotRestored() {
        SalonFixture f = Fixtures.salon();
        deleteMaster(f, f.masterId());
        // The owner re-creates the master and the same MASTER account accepts its invitation (set directly
        // here; the invitation flow has its own tests). The partial unique index allows one per salon.
        String again = given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON)
                .body(Map.of("name", "Dilnoza again")).post("/api/salons/{s}/masters", f.salonId())
                .then().statusCode(201).extract().path("id");
        Db.update("UPDATE master SET user_id = ? WHERE id = ?", f.masterUserId(), UUID.fromString(again));

        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(), f.masterId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("master_account_taken"));
        assertThat(deleted("master", f.masterId())).isTrue();
        assertThat(Audit.events("master.restored", f.masterId())).isEmpty();
    }

    @Test
    void aRestoredServiceIsBookableAgainAndAudited() {
        SalonFixture f = Fixtures.salon();
        deleteService(f, f.serviceId());
        Api.book(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")).then().statusCode(404)
                .body("code", equalTo("service_not_found"));
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/services/deleted", f.salonId()).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(f.serviceId().toString()))
                .body("items[0].price", equalTo(15_000_000));

        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(), f.serviceId())
                .then().statusCode(200).body("id", equalTo(f.serviceId().toString()))
                .body("nameEn", equalTo("Haircut"));
        given().get("/api/salons/{s}/services", f.salonId()).then().statusCode(200)
                .body("id", hasItem(f.serviceId().toString()));
        // Both masters' offers came back with it.
        Api.book(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.secondMasterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")).then().statusCode(201);
        assertThat(Audit.events("service.restored", f.serviceId())).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(ADMIN_ID.toString());
            assertThat(e.targetType()).isEqualTo("service");
        });
        Audit.assertChainValid(auditLog);

        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(), f.serviceId())
                .then().statusCode(404).body("code", equalTo("service_not_found"));
        SalonFixture other = Fixtures.salon();
        deleteService(other, other.serviceId());
        given().auth().oauth2(ADMIN).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(),
                other.serviceId()).then().statusCode(404).body("code", equalTo("service_not_found"));
        assertThat(deleted("salon_service", other.serviceId())).isTrue();
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/services/deleted", f.salonId()).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyAdminsListAndRestore() {
        SalonFixture f = Fixtures.salon();
        deleteMaster(f, f.secondMasterId());
        deleteService(f, f.otherServiceId());
        for (String token : List.of(TestTokens.owner(f.ownerId()), TestTokens.client(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/admin/salons/{s}/masters/deleted", f.salonId()).then()
                    .statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(token).get("/api/admin/salons/{s}/services/deleted", f.salonId()).then()
                    .statusCode(403);
            given().auth().oauth2(token).post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(),
                    f.secondMasterId()).then().statusCode(403);
            given().auth().oauth2(token).post("/api/admin/salons/{s}/services/{v}/restore", f.salonId(),
                    f.otherServiceId()).then().statusCode(403);
        }
        given().post("/api/admin/salons/{s}/masters/{m}/restore", f.salonId(), f.secondMasterId()).then()
                .statusCode(401);
        assertThat(deleted("master", f.secondMasterId())).isTrue();
        assertThat(deleted("salon_service", f.otherServiceId())).isTrue();
        given().auth().oauth2(ADMIN).get("/api/admin/salons/{s}/services/deleted?size=0", f.salonId()).then()
                .statusCode(400).body("code", equalTo("invalid_parameter"));
    }
}
