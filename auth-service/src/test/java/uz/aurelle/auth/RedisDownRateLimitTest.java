package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, the login bound per account still holds (in-process fallback); readiness says DOWN. */
@QuarkusTest
@TestProfile(RedisDownRateLimitTest.RedisDown.class)
class RedisDownRateLimitTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.hosts", "redis://localhost:1/2",
                    "aurelle.rate-limit.redis-timeout", "200ms",
                    "aurelle.rate-limit.policies.auth-login-account.limit", "2");
        }
    }

    @Test
    void loginLimitHoldsAndReadinessReportsRedis() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        login(phone, "wrong password").then().statusCode(401);
        login(phone, Fixtures.PASSWORD).then().statusCode(200);
        login(phone, Fixtures.PASSWORD).then().statusCode(429).body("code", equalTo("rate_limited"));
        given().get("/q/health/ready").then().statusCode(503);
    }

    private static io.restassured.response.Response login(String phone, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("phone", phone, "password", password))
                .post("/api/auth/login");
    }
}
