package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceTokenTest {

    static final String SECRET = "test-only-payments-service-secret";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void clientCredentialsGiveAShortLivedServiceToken() {
        Response response = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "payments-service").formParam("client_secret", SECRET)
                .post("/api/auth/token");
        response.then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .body("refresh_token", nullValue());
        JsonPath claims = LoginTest.claims(response.path("access_token"));
        assertThat(claims.getString("sub")).isEqualTo("payments-service");
        assertThat(claims.getList("groups")).containsExactly("SERVICE");
        assertThat(claims.getString("aud")).contains("aurelle-api");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300L);
    }

    @Test
    void httpBasicClientAuthenticationWorksToo() {
        given().auth().preemptive().basic("payments-service", SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/auth/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer"));
        given().auth().preemptive().basic("payments-service", "wrong").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/auth/token").then().statusCode(401)
                .body("code", equalTo("invalid_client"));
        // Malformed Basic (no colon, bad base64) is just failed client authentication.
        given().header("Authorization", "Basic bm8tY29sb24=").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/auth/token").then().statusCode(401);
        given().header("Authorization", "Basic %%%").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/auth/token").then().statusCode(401);
        // Two authentication methods at once are refused (RFC 6749 2.3).
        given().auth().preemptive().basic("payments-service", SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "payments-service")
                .post("/api/auth/token").then().statusCode(400).body("code", equalTo("invalid_request"));
    }

    @Test
    void serviceTokensAreAcceptedAsServiceButNotAsUserOrAdmin() {
        String token = token("payments-service", SECRET).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/users/me").then().statusCode(403);
        given().auth().oauth2(token).get("/api/admin/users").then().statusCode(403);
    }

    @Test
    void secretsAreStoredHashed() {
        String stored = (String) new Db(dataSource)
                .value("select secret_hash from service_clients where client_id = 'payments-service'");
        assertThat(stored).startsWith("$argon2id$").doesNotContain(SECRET);
    }

    @Test
    void wrongSecretAndUnknownClientLookAlike() {
        Response wrong = token("payments-service", SECRET + "x");
        Response unknown = token("marketing-service", SECRET);
        wrong.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("invalid_client"));
        unknown.then().statusCode(401).body("code", equalTo("invalid_client"));
        assertThat((String) unknown.path("detail")).isEqualTo(wrong.path("detail"));
        token("payments-service", "").then().statusCode(401);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/api/auth/token")
                .then().statusCode(401).body("code", equalTo("invalid_client"));
    }

    @Test
    void badTokenRequests() {
        given().contentType(ContentType.URLENC).post("/api/auth/token").then().statusCode(400)
                .body("code", equalTo("unsupported_grant_type"));
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}").post("/api/auth/token")
                .then().statusCode(415);
    }

    private static Response token(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/auth/token");
    }
}
