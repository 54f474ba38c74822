package uz.aurelle.common.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;

@QuarkusTest
class ProblemMappersTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = """
            {"name":"Dilnoza","count":2,"email":"d@example.uz","startsAt":"2026-12-01T10:00:00+05:00","tags":["a"]}""";

    @Test
    void apiExceptionFromAUniBecomesALocalisedProblemWithExtensions() {
        given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .when().get("/fixture/errors/slot-taken")
                .then().statusCode(409)
                .contentType(startsWith(PROBLEM))
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://aurelle.uz/problems/slot_taken"))
                .body("code", equalTo("slot_taken"))
                .body("status", equalTo(409))
                .body("title", equalTo("Время занято"))
                .body("detail", equalTo("Время 10:00 уже занято."))
                .body("freeSlots", containsInAnyOrder("11:00", "12:00"))
                .body("instance", equalTo("/fixture/errors/slot-taken"))
                .body("requestId", notNullValue());
    }

    @Test
    void englishIsTheDefaultAndUnknownLanguagesOrGarbageFallBackToIt() {
        for (String language : new String[] { null, "de-DE", "%%%;q=abc", "en" }) {
            var request = given();
            if (language != null) {
                request.header("Accept-Language", language);
            }
            request.when().get("/fixture/errors/slot-taken")
                    .then().statusCode(409)
                    .body("title", equalTo("Slot taken"))
                    .body("detail", equalTo("The slot at 10:00 is already taken."));
        }
    }

    @Test
    void aServiceCodeWithoutBundleEntryKeepsItsEnglishDetailAndGetsALocalisedGenericTitle() {
        given().header("Accept-Language", "uz")
                .when().get("/fixture/errors/generic-code")
                .then().statusCode(404)
                .body("code", equalTo("salon_not_found"))
                .body("title", equalTo("Topilmadi"))
                .body("detail", equalTo("Salon 42 does not exist."));
    }

    @Test
    void beanValidationListsEveryInvalidField() {
        given().contentType("application/json")
                .body("""
                        {"name":" ","count":0,"email":"not-an-email","startsAt":null,"tags":["a","",  "c"]}""")
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("validation_failed"))
                .body("type", equalTo("https://aurelle.uz/problems/validation_failed"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("startsAt"))
                .body("errors.field", hasItem("tags"))
                .body("errors.field", hasItem("tags[1]"))
                .body("errors.find { it.field == 'count' }.code", equalTo("min"))
                .body("errors.find { it.field == 'name' }.code", equalTo("not_blank"))
                .body("errors.find { it.field == 'email' }.message", notNullValue());
    }

    @Test
    void validBodyPasses() {
        given().contentType("application/json").body(VALID)
                .when().post("/fixture/errors/bookings")
                .then().statusCode(200).body("name", equalTo("Dilnoza"));
    }

    @Test
    void missingBodyAndInvalidQueryParametersAreValidationErrors() {
        given().contentType("application/json")
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        given().queryParam("size", 0)
                .when().get("/fixture/errors/search")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].code", equalTo("min"));
    }

    @Test
    void brokenJsonAndIllTypedFieldsAre400NotServerErrors() {
        given().contentType("application/json").body("{\"name\": \"x\", ")
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("code", equalTo("malformed_body"));
        given().contentType("application/json")
                .body(VALID.replace("\"count\":2", "\"count\":\"many\""))
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400)
                .body("code", equalTo("malformed_body"))
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].code", equalTo("invalid_type"));
        given().contentType("application/json")
                .body(VALID.replace("2026-12-01T10:00:00+05:00", "yesterday"))
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        given().contentType("application/json").body("[1,2]")
                .when().post("/fixture/errors/bookings")
                .then().statusCode(400).body("code", equalTo("malformed_body"));
    }

    @Test
    void wrongMediaTypeIs415AndWrongMethodIs405() {
        given().contentType("text/plain").body("hello")
                .when().post("/fixture/errors/bookings")
                .then().statusCode(415).contentType(startsWith(PROBLEM)).body("code", equalTo("unsupported_media_type"));
        given().when().delete("/fixture/errors/bookings")
                .then().statusCode(405).contentType(startsWith(PROBLEM)).body("code", equalTo("method_not_allowed"));
    }

    @Test
    void unknownRoutesAre404Problems() {
        given().header("Accept-Language", "ru")
                .when().get("/fixture/nothing-here/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("not_found"))
                .body("title", equalTo("Не найдено"));
        given().when().get("/totally/unknown")
                .then().statusCode(404).contentType(startsWith(PROBLEM)).body("code", equalTo("not_found"));
        given().when().get("/fixture/errors/jaxrs-not-found")
                .then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("code", equalTo("not_found"))
                .body("detail", equalTo("The requested resource does not exist."));
    }

    @Test
    void missingOrInvalidTokensAre401WithBearerChallenge() {
        given().when().get("/fixture/errors/authenticated")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthorized"));
        // A garbage or expired token fails during (proactive) authentication, before any resource.
        given().auth().oauth2("not.a.jwt")
                .when().get("/fixture/errors/authenticated")
                .then().statusCode(401).contentType(startsWith(PROBLEM)).body("code", equalTo("unauthorized"));
        String expired = TestTokens.sign(TestTokens.builder(UUID.randomUUID().toString(), "CLIENT")
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1))));
        given().auth().oauth2(expired)
                .when().get("/fixture/errors/plain")
                .then().statusCode(401).contentType(startsWith(PROBLEM)).body("code", equalTo("unauthorized"));
    }

    @Test
    void aValidTokenWithoutTheRoleIs403() {
        given().auth().oauth2(TestTokens.client(UUID.randomUUID()))
                .when().get("/fixture/errors/admin")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .when().get("/fixture/errors/admin")
                .then().statusCode(200);
    }

    @Test
    void unexpectedExceptionsAre500WithTheRequestIdAndNoInternals() {
        for (String path : new String[] { "/fixture/errors/boom", "/fixture/errors/uni-boom" }) {
            Response response = given().header("X-Request-Id", "support-case-123")
                    .when().get(path)
                    .then().statusCode(500)
                    .contentType(startsWith(PROBLEM))
                    .body("code", equalTo("internal_error"))
                    .body("requestId", equalTo("support-case-123"))
                    .body("detail", containsString("request id"))
                    .extract().response();
            String body = response.asString();
            org.assertj.core.api.Assertions.assertThat(body)
                    .doesNotContain("hunter2", "internal-host", "internal-secret", "Exception", "at uz.", "java.", "jdbc");
        }
    }

    @Test
    void aUniqueViolationTheServiceDidNotCatchIs409WithoutTheConstraintName() {
        String phone = "+99891" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        given().queryParam("phone", phone).post("/fixture/people").then().statusCode(200);
        String body = given().queryParam("phone", phone).post("/fixture/people").then().statusCode(409)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("conflict"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("fixture_person", "23505", phone);
    }

    @Test
    void problemsCarryNoStackTraceFieldsAtAll() {
        given().when().get("/fixture/errors/boom")
                .then().body("$", not(hasItem("stackTrace"))).body("keySet()", hasSize(7));
    }
}
