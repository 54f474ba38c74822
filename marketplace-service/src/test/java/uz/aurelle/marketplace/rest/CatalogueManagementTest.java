package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class CatalogueManagementTest {

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    static Map<String, Object> serviceBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryId", Fixtures.HAIR);
        body.put("nameRu", "Укладка");
        body.put("nameUz", "Soch turmaklash");
        body.put("nameEn", "Styling");
        body.put("durationMinutes", 45);
        body.put("priceTiyin", 9_000_000L);
        body.put("ikpuCode", "10201001001000001");
        return body;
    }

    static List<String> slots(String salonId, String serviceId, String masterId, LocalDate day) {
        return given().queryParam("serviceId", serviceId).queryParam("masterId", masterId)
                .queryParam("from", day.toString()).get("/api/salons/{id}/slots", salonId)
                .then().statusCode(200).extract().jsonPath().getList("slots.startsAt");
    }

    @Test
    void anOwnerBuildsABookableSalonThroughTheApi() {
        String owner = TestTokens.owner(UUID.randomUUID());
        String salon = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("nameRu", "Салон", "nameUz", "Salon", "nameEn", "Salon", "address", "Chilonzor 9",
                        "latitude", 41.27, "longitude", 69.2, "slotIntervalMinutes", 60, "minNoticeMinutes", 0))
                .post("/api/salons").then().statusCode(201).extract().path("id");
        String service = given().auth().oauth2(owner).contentType(ContentType.JSON).body(serviceBody())
                .post("/api/salons/{id}/services", salon).then().statusCode(201)
                .body("price", equalTo(9_000_000)).body("currency", equalTo("UZS")).extract().path("id");
        String master = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "Sevara", "specialisation", "Stylist", "experienceYears", 6))
                .post("/api/salons/{id}/masters", salon).then().statusCode(201).extract().path("id");
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("priceTiyin", 12_000_000L))
                .put("/api/salons/{s}/masters/{m}/services/{v}", salon, master, service).then().statusCode(200)
                .body("price", equalTo(12_000_000));
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("hours", List.of(Map.of("dayOfWeek", 1, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 2, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 3, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 4, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 5, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 6, "startsAt", "10:00", "endsAt", "13:00"),
                                Map.of("dayOfWeek", 7, "startsAt", "10:00", "endsAt", "13:00")),
                        "breaks", List.of(Map.of("dayOfWeek", 1, "startsAt", "11:00", "endsAt", "12:00"))))
                .put("/api/salons/{s}/masters/{m}/schedule", salon, master).then().statusCode(200);

        // Not public until approved.
        given().queryParam("serviceId", service).queryParam("from", LocalDate.now().plusDays(2).toString())
                .get("/api/salons/{id}/slots", salon).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).post("/api/admin/salons/{id}/approve", salon)
                .then().statusCode(200);

        LocalDate day = LocalDate.now(TASHKENT).plusDays(2);
        while (day.getDayOfWeek().getValue() == 1) {
            day = day.plusDays(1);
        }
        assertThat(slots(salon, service, master, day))
                .containsExactly(day + "T10:00:00+05:00", day + "T11:00:00+05:00", day + "T12:00:00+05:00");
        given().get("/api/salons/{id}/services", salon).then().statusCode(200).body("id", hasItem(service));
        given().get("/api/salons/{id}/masters", salon).then().statusCode(200).body("name", hasItem("Sevara"));

        // A booking takes the master's own price.
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("serviceId", service, "startsAt", day + "T10:00:00+05:00"))
                .post("/api/bookings").then().statusCode(201).body("price", equalTo(12_000_000));

        // Day off, then working a custom window instead, then a salon closure.
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("reason", "wedding"))
                .put("/api/salons/{s}/masters/{m}/days/{d}", salon, master, day.plusDays(7).toString()).then().statusCode(200)
                .body("dayOff", equalTo(true));
        assertThat(slots(salon, service, master, day.plusDays(7))).isEmpty();
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("startsAt", "15:00", "endsAt", "17:00"))
                .put("/api/salons/{s}/masters/{m}/days/{d}", salon, master, day.plusDays(7).toString()).then().statusCode(200);
        assertThat(slots(salon, service, master, day.plusDays(7)))
                .containsExactly(day.plusDays(7) + "T15:00:00+05:00", day.plusDays(7) + "T16:00:00+05:00");
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("startsAt", day.plusDays(7) + "T00:00:00+05:00", "endsAt", day.plusDays(8) + "T00:00:00+05:00",
                        "reason", "Navruz"))
                .post("/api/salons/{s}/closures", salon).then().statusCode(201);
        assertThat(slots(salon, service, master, day.plusDays(7))).isEmpty();

        // Withdrawing the service from the master and deleting the service.
        given().auth().oauth2(owner).delete("/api/salons/{s}/masters/{m}/services/{v}", salon, master, service)
                .then().statusCode(204);
        given().queryParam("serviceId", service).queryParam("masterId", master)
                .queryParam("from", day.toString()).get("/api/salons/{id}/slots", salon)
                .then().statusCode(422).body("code", equalTo("master_not_offering_service"));
        given().auth().oauth2(owner).delete("/api/salons/{s}/services/{v}", salon, service).then().statusCode(204);
        given().get("/api/salons/{id}/services", salon).then().statusCode(200).body("id", not(hasItem(service)));
    }

    @Test
    void badCatalogueInputIsRefused() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        Map<String, Object> ikpu = serviceBody();
        ikpu.put("ikpuCode", "123");
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(ikpu)
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(400)
                .body("errors[0].field", equalTo("ikpuCode"));
        Map<String, Object> category = serviceBody();
        category.put("categoryId", UUID.randomUUID());
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(category)
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(404)
                .body("code", equalTo("category_not_found"));
        Map<String, Object> price = serviceBody();
        price.put("priceTiyin", -5);
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(price)
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(400);
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("hours", List.of(Map.of("dayOfWeek", 9, "startsAt", "10:00", "endsAt", "13:00"))))
                .put("/api/salons/{s}/masters/{m}/schedule", f.salonId(), f.masterId()).then().statusCode(400);
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("hours", List.of(Map.of("dayOfWeek", 1, "startsAt", "ten", "endsAt", "13:00"))))
                .put("/api/salons/{s}/masters/{m}/schedule", f.salonId(), f.masterId()).then().statusCode(400);
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of())
                .put("/api/salons/{s}/masters/{m}/days/{d}", f.salonId(), f.masterId(), "someday").then()
                .statusCode(400).body("code", equalTo("invalid_parameter"));
        given().get("/api/categories").then().statusCode(200).body("$", hasSize(9))
                .body("slug", hasItem("brows-lashes"));
    }

    @Test
    void anotherOwnerCannotTouchServicesMastersOrSchedules() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String stranger = TestTokens.owner(other.ownerId());

        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(serviceBody())
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("priceTiyin", 1))
                .put("/api/salons/{s}/services/{v}", f.salonId(), f.serviceId()).then().statusCode(404);
        given().auth().oauth2(stranger).delete("/api/salons/{s}/masters/{m}", f.salonId(), f.masterId())
                .then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("hours", List.of()))
                .put("/api/salons/{s}/masters/{m}/schedule", f.salonId(), f.masterId()).then().statusCode(404);
        // Own salon, but the master or service belongs to someone else's salon.
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of())
                .put("/api/salons/{s}/masters/{m}/services/{v}", other.salonId(), f.masterId(), other.serviceId())
                .then().statusCode(404).body("code", equalTo("master_not_found"));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of())
                .put("/api/salons/{s}/masters/{m}/services/{v}", other.salonId(), other.masterId(), f.serviceId())
                .then().statusCode(404).body("code", equalTo("service_not_found"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON).body(serviceBody())
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(403);

        // The real owner still sees everything intact.
        given().get("/api/salons/{id}/masters", f.salonId()).then().statusCode(200).body("$", hasSize(2));
    }
}
