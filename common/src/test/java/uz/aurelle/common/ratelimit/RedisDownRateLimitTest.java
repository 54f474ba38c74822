package uz.aurelle.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Redis is unreachable (nothing listens on port 1): critical limits hold in-process, the rest fail open. */
@QuarkusTest
@TestProfile(RedisDownRateLimitTest.RedisDown.class)
class RedisDownRateLimitTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/1",
                    "aurelle.rate-limit.redis-timeout", "300ms");
        }
    }

    @Inject
    RateLimiter limiter;

    @Test
    void criticalPolicyStillLimitsWithTheInProcessFallback() {
        String account = "+99890" + (1_000_000 + (int) (Math.random() * 8_000_000));
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
        RateLimitDecision decision = limiter.consume("fixture-login", "other-" + UUID.randomUUID())
                .await().atMost(Duration.ofSeconds(5));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.source()).isEqualTo(RateLimitDecision.Source.LOCAL);
    }

    @Test
    void nonCriticalPoliciesFailOpen() {
        for (int i = 0; i < 6; i++) {
            given().get("/fixture/limits/ip").then().statusCode(200);
        }
        assertThat(limiter.consume("fixture-ip", "x").await().atMost(Duration.ofSeconds(5)).source())
                .isEqualTo(RateLimitDecision.Source.FAIL_OPEN);
    }
}
