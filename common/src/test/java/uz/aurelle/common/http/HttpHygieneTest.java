package uz.aurelle.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpHygieneTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static void assertSecurityHeaders(ValidatableResponse response) {
        response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
    }

    @Test
    void securityHeadersOnSuccessErrorsUnknownRoutesAndFailedAuthentication() {
        assertSecurityHeaders(given().get("/fixture/errors/plain").then().statusCode(200));
        assertSecurityHeaders(given().get("/fixture/errors/boom").then().statusCode(500));
        assertSecurityHeaders(given().get("/no/such/route").then().statusCode(404));
        assertSecurityHeaders(given().auth().oauth2("garbage").get("/fixture/errors/authenticated").then().statusCode(401));
        assertSecurityHeaders(given().get("/q/health/live").then());
    }

    @Test
    void aSaneIncomingRequestIdIsEchoedAndUsedInContextAndLogs() {
        given().header("X-Request-Id", "gw-7f3a.1:2_x")
                .when().get("/fixture/errors/context")
                .then().statusCode(200)
                .header("X-Request-Id", "gw-7f3a.1:2_x")
                .body("requestId", equalTo("gw-7f3a.1:2_x"))
                .body("mdc", equalTo("gw-7f3a.1:2_x"))
                .body("clientIp", equalTo("127.0.0.1"));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() {
        String generated = given().get("/fixture/errors/context").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");
        given().get("/fixture/errors/context").then().body("requestId", not(equalTo(generated)));
        for (String bad : new String[] { "a".repeat(129), "<script>alert(1)</script>", "id with spaces",
                "x'; DROP TABLE users;--", "идентификатор" }) {
            given().header("X-Request-Id", bad)
                    .when().get("/fixture/errors/context")
                    .then().statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .body("requestId", matchesPattern(UUID_PATTERN));
        }
    }

    @Test
    void noStoreOnlyWhereAnnotated() {
        given().get("/fixture/errors/tokens").then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        given().get("/fixture/errors/plain").then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413Problem() {
        // common's default limit is 1M (META-INF/microprofile-config.properties); services may override it.
        String big = "{\"x\":\"" + "a".repeat(1_100_000) + "\"}";
        given().contentType("application/json").body(big)
                .when().post("/fixture/errors/echo")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("payload_too_large"))
                .body("maxBodySize", equalTo(1_048_576));
        given().contentType("application/json").body("{\"x\":\"small\"}")
                .when().post("/fixture/errors/echo")
                .then().statusCode(200).body("x", equalTo("small"));
    }

    @Test
    void requestIdsDifferPerRequest() {
        String first = given().get("/fixture/errors/plain").then().extract().header("X-Request-Id");
        given().get("/fixture/errors/plain").then().header("X-Request-Id", not(equalTo(first)));
    }
}
