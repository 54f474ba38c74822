package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTokenTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void everyRefreshRotatesWithinTheFamilyWithoutExtendingItsLifetime() {
        String phone = Fixtures.phone();
        UUID userId = Fixtures.newUser(phone);
        Fixtures.Tokens first = Fixtures.tokens(phone);

        Response second = Fixtures.refresh(first.refresh());
        second.then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .body("refresh_token", not(equalTo(first.refresh()))).body("access_token", notNullValue());
        Response third = Fixtures.refresh(second.path("refresh_token"));
        third.then().statusCode(200);
        given().auth().oauth2(third.path("access_token")).get("/api/users/me").then().statusCode(200);

        List<Map<String, Object>> rows = db.rows("select family_id, parent_id, used_at, family_expires_at, expires_at, "
                + "created_at from refresh_tokens where user_id = ? order by created_at", userId);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("family_id")).containsOnly(rows.get(0).get("family_id"));
        assertThat(rows).extracting(r -> r.get("family_expires_at")).containsOnly(rows.get(0).get("family_expires_at"));
        assertThat(rows.get(0).get("parent_id")).isNull();
        assertThat(rows.get(1).get("parent_id")).isNotNull();
        assertThat(rows.get(0).get("used_at")).isNotNull();
        assertThat(rows.get(1).get("used_at")).isNotNull();
        assertThat(rows.get(2).get("used_at")).isNull();
        // Absolute lifetime 30 days from login; idle expiry 7 days from issue.
        OffsetDateTime created = odt(rows.get(0).get("created_at"));
        assertThat(odt(rows.get(0).get("family_expires_at"))).isEqualTo(created.plusDays(30));
        assertThat(odt(rows.get(2).get("expires_at"))).isEqualTo(odt(rows.get(2).get("created_at")).plusDays(7));
    }

    @Test
    void replayOfARotatedTokenRevokesTheWholeFamily() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens original = Fixtures.tokens(phone);
        Fixtures.Tokens other = Fixtures.tokens(phone);
        String successor = Fixtures.refresh(original.refresh()).then().statusCode(200).extract().path("refresh_token");

        Fixtures.refresh(original.refresh()).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_grant")).body("error", equalTo("invalid_grant"));
        // The successor (held by the attacker or the victim) stops working too.
        Fixtures.refresh(successor).then().statusCode(400).body("code", equalTo("invalid_grant"));
        // Another login (another family) is unaffected.
        Fixtures.refresh(other.refresh()).then().statusCode(200);
    }

    @Test
    void concurrentRefreshWithOneTokenGivesExactlyOneSuccess() throws Exception {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        String token = Fixtures.tokens(phone).refresh();
        int parallel = 5;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return Fixtures.refresh(token).statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 400).hasSize(parallel - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownRevokedAndExpiredTokensAreInvalidGrant() {
        Fixtures.refresh("this-token-was-never-issued-by-us-0123456789abc").then().statusCode(400)
                .body("code", equalTo("invalid_grant"));

        String phone = Fixtures.phone();
        UUID userId = Fixtures.newUser(phone);
        Fixtures.Tokens revoked = Fixtures.tokens(phone);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", revoked.refresh()))
                .post("/api/auth/logout").then().statusCode(204);
        Fixtures.refresh(revoked.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));

        // Idle expiry passed.
        Fixtures.Tokens idle = Fixtures.tokens(phone);
        db.update("update refresh_tokens set expires_at = now() - interval '1 second' "
                + "where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", idle.refresh());
        Fixtures.refresh(idle.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));

        // Absolute family lifetime reached: a fresh successor cannot outlive it.
        Fixtures.Tokens old = Fixtures.tokens(phone);
        String successor = Fixtures.refresh(old.refresh()).then().statusCode(200).extract().path("refresh_token");
        db.update("update refresh_tokens set family_expires_at = now() + interval '1 hour', "
                + "expires_at = now() + interval '1 hour', created_at = now() - interval '1 hour' "
                + "where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", successor);
        String next = Fixtures.refresh(successor).then().statusCode(200).extract().path("refresh_token");
        Object nextExpiry = db.value("select expires_at <= family_expires_at and family_expires_at < now() + interval "
                + "'2 hours' from refresh_tokens where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", next);
        assertThat(nextExpiry).isEqualTo(true);
        assertThat(userId).isNotNull();
    }

    @Test
    void deactivatedOrDeletedUsersCannotRefresh() {
        String phone = Fixtures.phone();
        UUID userId = Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        db.update("update users set active = false where id = ?", userId);
        Fixtures.refresh(tokens.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));
        db.update("update users set active = true where id = ?", userId);
        // The family was revoked when the refusal happened.
        Fixtures.refresh(tokens.refresh()).then().statusCode(400);

        Fixtures.Tokens again = Fixtures.tokens(phone);
        db.update("update users set deleted_at = now() where id = ?", userId);
        Fixtures.refresh(again.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));
    }

    @Test
    void tokenEndpointAcceptsTheRefreshGrantAsForm() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        String next = given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", tokens.refresh()).post("/api/auth/token").then().statusCode(200)
                .header("Cache-Control", "no-store").body("refresh_token", notNullValue())
                .extract().path("refresh_token");
        Fixtures.refresh(next).then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .post("/api/auth/token").then().statusCode(400).body("code", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .post("/api/auth/token").then().statusCode(400).body("code", equalTo("unsupported_grant_type"));
    }

    @Test
    void badRefreshInput() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/auth/refresh").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body("[").post("/api/auth/refresh").then().statusCode(400)
                .body("code", equalTo("malformed_body"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "x".repeat(600)))
                .post("/api/auth/refresh").then().statusCode(400).body("code", equalTo("validation_failed"));
        // camelCase spelling is accepted too.
        Fixtures.refresh("unknown-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "unknown-token-bbbbbbbbbbbbbbbbbbbb"))
                .post("/api/auth/refresh").then().statusCode(400).body("code", equalTo("invalid_grant"));
    }

    private static OffsetDateTime odt(Object value) {
        return (OffsetDateTime) value;
    }
}
