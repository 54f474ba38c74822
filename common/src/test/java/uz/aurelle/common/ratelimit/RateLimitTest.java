package uz.aurelle.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.fixture.RedisFlush;
import uz.aurelle.common.testing.TestTokens;

@QuarkusTest
class RateLimitTest {

    @Inject
    RedisFlush redis;

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void cleanBuckets() {
        redis.flush();
    }

    @Test
    void ipPolicyCountsDownThen429WithRetryAfterAndRateLimitHeaders() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/fixture/limits/ip").then().statusCode(200)
                    .header("RateLimit-Policy", "\"fixture-ip\";q=3;w=60")
                    .header("RateLimit", startsWith("\"fixture-ip\";r=" + remaining + ";t="))
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("Retry-After", nullValue());
        }
        var response = given().header("Accept-Language", "ru").get("/fixture/limits/ip").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("rate_limited"))
                .body("type", equalTo("https://aurelle.uz/problems/rate_limited"))
                .body("title", equalTo("Слишком много запросов"))
                .body("policy", equalTo("fixture-ip"))
                .header("RateLimit-Policy", "\"fixture-ip\";q=3;w=60")
                .header("RateLimit", matchesPattern("\"fixture-ip\";r=0;t=\\d+"))
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", matchesPattern("\\d+"))
                .extract();
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        // One request is earned back every 20 s (3 per 60 s).
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(Long.parseLong(response.header("RateLimit-Reset"))).isBetween(40L, 60L);
        assertThat(response.jsonPath().getLong("retryAfter")).isEqualTo(retryAfter);
        assertThat(response.jsonPath().getString("detail")).contains(String.valueOf(retryAfter));
    }

    @Test
    void deniedRouteWithSeveralPoliciesReportsTheDenyingPolicy() {
        String alice = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(alice).get("/fixture/limits/layered").then().statusCode(200);
        given().auth().oauth2(alice).get("/fixture/limits/layered").then().statusCode(200);
        // fixture-burst (IP) still allows; fixture-user is exhausted and must be the one reported.
        given().auth().oauth2(alice).get("/fixture/limits/layered").then().statusCode(429)
                .body("policy", equalTo("fixture-user"))
                .header("RateLimit-Policy", "\"fixture-user\";q=2;w=60")
                .header("RateLimit", matchesPattern("\"fixture-user\";r=0;t=\\d+"))
                .header("RateLimit-Remaining", "0");
    }

    @Test
    void aRefusalInsideTheMethodKeepsItsOwnHeadersOverTheRoutesAllowingPolicy() {
        String account = UUID.randomUUID().toString();
        given().queryParam("account", account).post("/fixture/limits/guarded-login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/guarded-login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/guarded-login").then().statusCode(429)
                .body("policy", equalTo("fixture-login"))
                .header("RateLimit-Policy", "\"fixture-login\";q=2;w=60")
                .header("RateLimit", matchesPattern("\"fixture-login\";r=0;t=\\d+"))
                .header("RateLimit-Limit", "2")
                .header("RateLimit-Remaining", "0");
    }

    @Test
    void userPolicyKeepsSeparateBucketsPerUser() {
        String alice = TestTokens.client(UUID.randomUUID());
        String bob = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(alice).get("/fixture/limits/user").then().statusCode(200);
        given().auth().oauth2(alice).get("/fixture/limits/user").then().statusCode(200);
        given().auth().oauth2(alice).get("/fixture/limits/user").then().statusCode(429);
        given().auth().oauth2(bob).get("/fixture/limits/user").then().statusCode(200)
                .header("RateLimit-Remaining", "1");
    }

    @Test
    void programmaticCheckLimitsPerAccount() {
        String account = "+998901234567";
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(200);
        given().queryParam("account", account).post("/fixture/limits/login").then().statusCode(429)
                .header("RateLimit-Policy", "\"fixture-login\";q=2;w=60")
                .header("Retry-After", matchesPattern("\\d+"));
        given().queryParam("account", "+998907654321").post("/fixture/limits/login").then().statusCode(200);
    }

    @Test
    void concurrentRequestsNeverExceedTheLimit() {
        String key = "burst-" + UUID.randomUUID();
        List<Uni<RateLimitDecision>> calls = IntStream.range(0, 25).mapToObj(i -> limiter.consume("fixture-burst", key))
                .toList();
        List<RateLimitDecision> decisions = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(10));
        assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(5);
        assertThat(decisions).allMatch(d -> d.source() == RateLimitDecision.Source.REDIS);
    }

    @Test
    void anUnknownPolicyIsAProgrammingErrorNotASilentAllow() {
        assertThat(limiter.consume("no-such-policy", "x").onFailure().recoverWithItem((RateLimitDecision) null)
                .await().atMost(Duration.ofSeconds(5))).isNull();
    }
}
