package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real limits against real Redis; each test speaks from its own client IP (X-Forwarded-For via the trusted proxy). */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aurelle.rate-limit.policies.auth-login-account.limit", "3",
                    "aurelle.rate-limit.policies.auth-login-ip.limit", "6",
                    "aurelle.rate-limit.policies.auth-register-ip.limit", "8",
                    "aurelle.rate-limit.policies.auth-refresh-ip.limit", "3",
                    "aurelle.rate-limit.policies.auth-client-credentials.limit", "2");
        }
    }

    @Inject
    RedisDataSource redis;

    String ip;

    @BeforeEach
    void setUp() {
        redis.execute("FLUSHDB");
        ip = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void loginIsLimitedPerAccountWhateverTheIp() {
        String phone = register(ip);
        login(phone, "wrong password one", "192.0.2.1").then().statusCode(401);
        login(phone, "wrong password two", "192.0.2.2").then().statusCode(401);
        login(phone, Fixtures.PASSWORD, "192.0.2.3").then().statusCode(200);
        Response limited = login(phone, Fixtures.PASSWORD, "192.0.2.4");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited")).body("policy", equalTo("auth-login-account"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Policy", containsString("\"auth-login-account\";q=3;w=900"))
                .header("RateLimit", containsString("r=0"));
        // Unknown accounts are limited alike (a 429 does not reveal whether the account exists).
        String unknown = Fixtures.phone();
        for (int i = 0; i < 3; i++) {
            login(unknown, "whatever-password", "192.0.2.5").then().statusCode(401);
        }
        login(unknown, "whatever-password", "192.0.2.5").then().statusCode(429);
        // Another account is unaffected.
        String other = register(ip);
        login(other, Fixtures.PASSWORD, "192.0.2.6").then().statusCode(200);
    }

    @Test
    void loginIsLimitedPerIp() {
        for (int i = 0; i < 6; i++) {
            login(Fixtures.phone(), "some password " + i, ip).then().statusCode(401);
        }
        login(Fixtures.phone(), "some password", ip).then().statusCode(429)
                .body("policy", equalTo("auth-login-ip")).header("RateLimit-Policy", containsString("auth-login-ip"));
        login(Fixtures.phone(), "some password", "198.51.100.7").then().statusCode(401);
    }

    @Test
    void registrationIsLimitedPerIp() {
        for (int i = 0; i < 8; i++) {
            register(ip);
        }
        given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD)).post("/api/auth/register")
                .then().statusCode(429).body("policy", equalTo("auth-register-ip"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void refreshIsLimitedPerIp() {
        String phone = register(ip);
        String token = login(phone, Fixtures.PASSWORD, ip).then().statusCode(200).extract().path("refresh_token");
        for (int i = 0; i < 3; i++) {
            token = refresh(token, ip).then().statusCode(200).header("RateLimit-Remaining", String.valueOf(2 - i))
                    .extract().path("refresh_token");
        }
        refresh(token, ip).then().statusCode(429).body("policy", equalTo("auth-refresh-ip"))
                .header("RateLimit-Policy", containsString("\"auth-refresh-ip\";q=3;w=900"));
        // The limited request did not consume the token: it still works from elsewhere.
        refresh(token, "203.0.113.9").then().statusCode(200);
    }

    @Test
    void clientCredentialsAreLimitedPerClient() {
        for (int i = 0; i < 2; i++) {
            clientToken("wrong secret", "192.0.2." + (10 + i)).then().statusCode(401);
        }
        clientToken(ServiceTokenTest.SECRET, "192.0.2.20").then().statusCode(429)
                .body("policy", equalTo("auth-client-credentials"));
    }

    private static String register(String ip) {
        String phone = Fixtures.phone();
        given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Fixtures.registration(phone, null, Fixtures.PASSWORD)).post("/api/auth/register")
                .then().statusCode(201);
        return phone;
    }

    private static Response login(String phone, String password, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("phone", phone, "password", password)).post("/api/auth/login");
    }

    private static Response refresh(String token, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("refresh_token", token)).post("/api/auth/refresh");
    }

    private static Response clientToken(String secret, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "payments-service")
                .formParam("client_secret", secret).post("/api/auth/token");
    }
}
