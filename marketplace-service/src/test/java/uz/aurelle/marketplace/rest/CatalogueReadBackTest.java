package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Every 201 carries a Location that answers GET with what was created; owners' data stays theirs. */
@QuarkusTest
class CatalogueReadBackTest {

    private static Response create(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    @Test
    void createdMastersServicesAndClosuresCanBeReadAtTheirLocation() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String otherOwner = TestTokens.owner(UUID.randomUUID());
        String base = "/api/salons/" + f.salonId();

        Response master = create(owner, base + "/masters", Map.of("name", "Sevara", "specialisation", "Colorist",
                "experienceYears", 4)).then().statusCode(201).extract().response();
        given().auth().oauth2(owner).get(master.header("Location")).then().statusCode(200)
                .body("id", equalTo(master.path("id"))).body("name", equalTo("Sevara"))
                .body("specialisation", equalTo("Colorist")).body("experienceYears", equalTo(4));
        // Masters are public like the list of an active salon.
        given().get(master.header("Location")).then().statusCode(200).body("name", equalTo("Sevara"));

        Response service = create(owner, base + "/services", CatalogueManagementTest.serviceBody())
                .then().statusCode(201).extract().response();
        given().get(service.header("Location")).then().statusCode(200)
                .body("id", equalTo(service.path("id"))).body("nameEn", equalTo("Styling"))
                .body("durationMinutes", equalTo(45)).body("price", equalTo(9_000_000));

        Map<String, Object> closureBody = Map.of("startsAt", "2031-03-21T00:00:00+05:00",
                "endsAt", "2031-03-22T00:00:00+05:00", "reason", "Navruz");
        Response closure = create(owner, base + "/closures", closureBody).then().statusCode(201).extract().response();
        String location = closure.header("Location");
        assertThat(location).endsWith(base + "/closures/" + closure.path("id"));
        given().auth().oauth2(owner).get(location).then().statusCode(200)
                .body("id", equalTo(closure.path("id"))).body("startsAt", equalTo("2031-03-20T19:00:00Z"))
                .body("endsAt", equalTo("2031-03-21T19:00:00Z")).body("reason", equalTo("Navruz"));
        given().auth().oauth2(owner).get(base + "/closures").then().statusCode(200)
                .body("id", equalTo(List.of(closure.path("id").toString())));

        // Closures are the owner's; someone else's salon looks absent.
        given().auth().oauth2(otherOwner).get(location).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(otherOwner).get(base + "/closures").then().statusCode(404);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get(location).then().statusCode(403);
        given().get(base + "/closures").then().statusCode(401);
        given().auth().oauth2(owner).get(base + "/closures/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("closure_not_found"));

        // A master or service of another salon is not found under this one.
        SalonFixture other = Fixtures.salon();
        given().get(base + "/masters/" + other.masterId()).then().statusCode(404).body("code", equalTo("master_not_found"));
        given().get(base + "/services/" + other.serviceId()).then().statusCode(404)
                .body("code", equalTo("service_not_found"));
    }

    @Test
    void mastersAndServicesOfANonPublicSalonAreVisibleToItsOwnerOnly() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        String path = "/api/salons/" + f.salonId() + "/masters/" + f.masterId();
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get(path).then().statusCode(200)
                .body("id", equalTo(f.masterId().toString()));
        given().auth().oauth2(TestTokens.owner(f.ownerId()))
                .get("/api/salons/" + f.salonId() + "/services/" + f.serviceId()).then().statusCode(200);
        given().get(path).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(TestTokens.owner(UUID.randomUUID())).get(path).then().statusCode(404);
        given().get("/api/salons/" + f.salonId() + "/services/" + f.serviceId()).then().statusCode(404);
    }

    @Test
    void theOwnerReadsBackAMastersWeeklyScheduleAndDateOverrides() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        String otherOwner = TestTokens.owner(UUID.randomUUID());
        String schedule = "/api/salons/" + f.salonId() + "/masters/" + f.masterId() + "/schedule";
        Map<String, Object> week = Map.of(
                "hours", List.of(Map.of("dayOfWeek", 1, "startsAt", "10:00", "endsAt", "19:00"),
                        Map.of("dayOfWeek", 3, "startsAt", "12:00", "endsAt", "20:30")),
                "breaks", List.of(Map.of("dayOfWeek", 1, "startsAt", "14:00", "endsAt", "14:30")));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(week).put(schedule).then().statusCode(200);
        given().auth().oauth2(owner).get(schedule).then().statusCode(200)
                .body("hours.dayOfWeek", equalTo(List.of(1, 3)))
                .body("hours.startsAt", equalTo(List.of("10:00", "12:00")))
                .body("hours.endsAt", equalTo(List.of("19:00", "20:30")))
                .body("breaks.dayOfWeek", equalTo(List.of(1)))
                .body("breaks.startsAt", equalTo(List.of("14:00"))).body("breaks.endsAt", equalTo(List.of("14:30")));
        given().auth().oauth2(otherOwner).get(schedule).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().get(schedule).then().statusCode(401);
        given().auth().oauth2(TestTokens.master(f.masterUserId())).get(schedule).then().statusCode(403);

        LocalDate day = Fixtures.daysAhead(f.zone(), 10);
        String days = "/api/salons/" + f.salonId() + "/masters/" + f.masterId() + "/days/";
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "15:00", "endsAt", "17:00", "reason", "doctor"))
                .put(days + day).then().statusCode(200);
        given().auth().oauth2(owner).get(days + day).then().statusCode(200)
                .body("date", equalTo(day.toString())).body("dayOff", equalTo(false))
                .body("startsAt", equalTo("15:00")).body("endsAt", equalTo("17:00")).body("reason", equalTo("doctor"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of())
                .put(days + day.plusDays(1)).then().statusCode(200);
        given().auth().oauth2(owner).get(days + day.plusDays(1)).then().statusCode(200)
                .body("dayOff", equalTo(true)).body("startsAt", nullValue());
        given().auth().oauth2(owner).get(days + day.plusDays(2)).then().statusCode(404)
                .body("code", equalTo("day_not_found"));
        given().auth().oauth2(owner).get(days + "tomorrow").then().statusCode(400)
                .body("parameter", equalTo("date"));
        given().auth().oauth2(otherOwner).get(days + day).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId() + "/masters/" + UUID.randomUUID() + "/schedule")
                .then().statusCode(404).body("code", equalTo("master_not_found"));
    }
}
