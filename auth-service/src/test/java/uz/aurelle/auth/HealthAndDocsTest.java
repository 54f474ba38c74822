package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readinessCoversDatabaseRedisAndSigningKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("jwt-signing-key"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Redis")))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("PostgreSQL")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/auth/register", "/api/auth/login", "/api/auth/token",
                        "/api/users/me", "/api/admin/users", "/.well-known/jwks.json"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"));
    }

    @Test
    void securityHeadersOnAuthResponses() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", containsString("max-age"));
    }
}
