package uz.aurelle.common.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.fixture.RedisFlush;
import uz.aurelle.common.testing.TestTokens;

@QuarkusTest
class IdempotencyTest {

    private static final String BODY = "{\"amount\":150000,\"note\":\"manicure\"}";

    @Inject
    RedisFlush flush;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void clean() {
        flush.flush();
    }

    private static RequestSpecification post(String key, String body) {
        RequestSpecification spec = given().contentType("application/json").body(body);
        return key == null ? spec : spec.header("Idempotency-Key", key);
    }

    private static int executions() {
        return given().get("/fixture/idem/executions").then().extract().path("count");
    }

    @Test
    void aThrottledAttemptIsNotReplayedSoTheSameKeyCanRetryLater() {
        String body = "{\"amount\":1,\"note\":\"" + UUID.randomUUID() + "\"}";
        post(UUID.randomUUID().toString(), body).post("/fixture/idem/throttled").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        post(key, body).post("/fixture/idem/throttled").then().statusCode(429)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue());
        // Still over the limit, but this is a fresh decision, not a 24-hour replay of the first 429.
        post(key, body).post("/fixture/idem/throttled").then().statusCode(429)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue());
    }

    @Test
    void sameKeyAndBodyReplaysStatusBodyAndLocationWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = post(key, BODY).post("/fixture/idem/orders").then().statusCode(201)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue()).extract();
        int after = executions();
        ExtractableResponse<Response> second = post(key, BODY).post("/fixture/idem/orders").then().statusCode(201)
                .header(IdempotencyFilter.REPLAYED_HEADER, "true")
                .contentType(startsWith("application/json")).extract();
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).contains("/fixture/idem/orders/");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(executions()).isEqualTo(after);
        // A new key is a new order.
        post(UUID.randomUUID().toString(), BODY).post("/fixture/idem/orders").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(first.jsonPath().getString("id"))));
    }

    @Test
    void replayKeepsTheJsonContentTypeOfAResourceWithoutProduces() {
        String key = UUID.randomUUID().toString();
        String id = post(key, BODY).post("/fixture/idem-plain").then().statusCode(201)
                .contentType(startsWith("application/json")).extract().path("id");
        post(key, BODY).post("/fixture/idem-plain").then().statusCode(201)
                .header(IdempotencyFilter.REPLAYED_HEADER, "true")
                .contentType(startsWith("application/json"))
                .body("id", equalTo(id));
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, BODY).post("/fixture/idem/orders").then().statusCode(201);
        post(key, BODY.replace("150000", "1")).post("/fixture/idem/orders").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("idempotency_key_reused"));
        // Whitespace changes the raw body too: the fingerprint is over the bytes sent.
        post(key, BODY.replace(",", ", ")).post("/fixture/idem/orders").then().statusCode(422);
    }

    @Test
    void missingOrMalformedKeyIs400() {
        post(null, BODY).post("/fixture/idem/orders").then().statusCode(400)
                .body("code", equalTo("idempotency_key_missing"));
        for (String bad : List.of("", " ", "k".repeat(256), "caf\u00e9", "a\tb")) {
            post(bad, BODY).log().ifValidationFails().post("/fixture/idem/orders").then().statusCode(400)
                    .body("code", equalTo("idempotency_key_invalid"));
        }
        // The structured-field string form "..." is accepted.
        post("\"" + UUID.randomUUID() + "\"", BODY).post("/fixture/idem/orders").then().statusCode(201);
    }

    @Test
    void optionalIdempotencyRunsEveryTimeWithoutAKey() {
        int before = executions();
        post(null, BODY).post("/fixture/idem/optional").then().statusCode(200);
        post(null, BODY).post("/fixture/idem/optional").then().statusCode(200);
        assertThat(executions()).isEqualTo(before + 2);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String alice = TestTokens.client(UUID.randomUUID());
        String bob = TestTokens.client(UUID.randomUUID());
        String aliceOrder = post(key, BODY).auth().oauth2(alice).post("/fixture/idem/orders").then().statusCode(201)
                .extract().path("id");
        String bobOrder = post(key, BODY).auth().oauth2(bob).post("/fixture/idem/orders").then().statusCode(201)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue()).extract().path("id");
        String anonymousOrder = post(key, BODY).post("/fixture/idem/orders").then().statusCode(201)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue()).extract().path("id");
        assertThat(List.of(aliceOrder, bobOrder, anonymousOrder)).doesNotHaveDuplicates();
        post(key, BODY).auth().oauth2(alice).post("/fixture/idem/orders").then().statusCode(201)
                .body("id", equalTo(aliceOrder));
    }

    @Test
    void aRetryWhileTheFirstIsInFlightIs409ThenTheResultIsReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> post(key, BODY).post("/fixture/idem/slow").then().extract().statusCode());
        // Wait until the first request holds the claim.
        long deadline = System.currentTimeMillis() + 5000;
        while (redis.key().keys("aurelle:idem:*").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        post(key, BODY).post("/fixture/idem/slow").then().statusCode(409)
                .body("code", equalTo("idempotency_key_in_use"))
                .header("Retry-After", "1");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        post(key, BODY).post("/fixture/idem/slow").then().statusCode(200)
                .header(IdempotencyFilter.REPLAYED_HEADER, "true");
    }

    @Test
    void aServerErrorReleasesTheKeySoTheRetryRunsForReal() {
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":1,\"note\":\"" + UUID.randomUUID() + "\"}";
        post(key, body).post("/fixture/idem/flaky").then().statusCode(500);
        assertThat(redis.key().keys("aurelle:idem:*")).isEmpty();
        post(key, body).post("/fixture/idem/flaky").then().statusCode(200)
                .header(IdempotencyFilter.REPLAYED_HEADER, nullValue());
        post(key, body).post("/fixture/idem/flaky").then().statusCode(200)
                .header(IdempotencyFilter.REPLAYED_HEADER, "true");
    }

    @Test
    void clientErrorsAreStoredAndCompletedResponsesKept24Hours() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"amount\":0,\"note\":\"x\"}";
        post(key, invalid).post("/fixture/idem/orders").then().statusCode(400).body("code", equalTo("validation_failed"));
        post(key, invalid).post("/fixture/idem/orders").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .header(IdempotencyFilter.REPLAYED_HEADER, "true");
        List<String> keys = redis.key().keys("aurelle:idem:*");
        assertThat(keys).hasSize(1);
        long ttlSeconds = redis.key().ttl(keys.get(0));
        assertThat(ttlSeconds).isBetween(23 * 3600L, 24 * 3600L);
        // The raw idempotency key and the caller are not readable from Redis.
        assertThat(keys.get(0)).doesNotContain(key);
    }
}
