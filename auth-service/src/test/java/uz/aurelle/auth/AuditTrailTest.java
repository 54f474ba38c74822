package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.audit.AuditVerification;
import uz.aurelle.common.testing.TestTokens;

/** Security events land in the hash-chained audit log with who, what, target, when, IP and request id. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void signInEventsAreAudited() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Fixtures.login(phone, "definitely wrong password").then().statusCode(401);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);

        assertThat(events("user.registered", id)).hasSize(1);
        Map<String, Object> success = events("authn.login_succeeded", id).get(0);
        assertThat(success.get("actor_type")).isEqualTo("USER");
        assertThat(success.get("actor_id")).isEqualTo(id.toString());
        assertThat(success.get("ip")).isNotNull();
        assertThat(success.get("request_id")).isNotNull();
        assertThat(success.get("occurred_at")).isNotNull();

        List<Map<String, Object>> failures = db.rows("select * from audit_log where action = 'authn.login_failed' "
                + "and target_id = ?", "+998*******" + phone.substring(phone.length() - 2));
        assertThat(failures).isNotEmpty().allSatisfy(row -> assertThat(row.get("severity")).isEqualTo("WARNING"));
        assertThat(db.value("select count(*) from audit_log where details like ? or target_id = ?",
                "%" + tokens.refresh() + "%", phone)).isEqualTo(0L);
    }

    @Test
    void refreshTokenReuseIsACriticalEvent() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        Fixtures.refresh(tokens.refresh()).then().statusCode(200);
        Fixtures.refresh(tokens.refresh()).then().statusCode(400);

        List<Map<String, Object>> reuse = db.rows("select * from audit_log where action = 'authn.refresh_token_reused' "
                + "and actor_id = ?", id.toString());
        assertThat(reuse).hasSize(1);
        assertThat(reuse.get(0).get("severity")).isEqualTo("CRITICAL");
        assertThat(reuse.get(0).get("target_type")).isEqualTo("token_family");
    }

    @Test
    void adminActionsAndAccountDeletionAreAudited() {
        UUID admin = Fixtures.newUser(Fixtures.phone());
        db.update("update users set roles = '{ADMIN}' where id = ?", admin);
        String phone = Fixtures.phone();
        UUID user = Fixtures.newUser(phone);
        String token = TestTokens.admin(admin);

        given().auth().oauth2(token).post("/api/admin/users/" + user + "/deactivate").then().statusCode(200);
        given().auth().oauth2(token).post("/api/admin/users/" + user + "/activate").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("roles", List.of("MASTER")))
                .put("/api/admin/users/" + user + "/roles").then().statusCode(200);
        given().auth().oauth2(token).get("/api/admin/users/" + user).then().statusCode(200);
        given().auth().oauth2(token).queryParam("q", phone).get("/api/admin/users").then().statusCode(200);
        given().auth().oauth2(TestTokens.client(user)).delete("/api/users/me").then().statusCode(204);
        given().auth().oauth2(token).post("/api/admin/users/" + user + "/restore").then().statusCode(200);

        List<Map<String, Object>> byAdmin = db.rows("select action, target_id, details from audit_log "
                + "where actor_id = ? and action like 'admin.%' order by seq", admin.toString());
        assertThat(byAdmin).extracting(r -> r.get("action")).containsExactly("admin.user_deactivated",
                "admin.user_activated", "admin.user_roles_changed", "admin.user_viewed", "admin.users_listed",
                "admin.user_restored");
        assertThat(byAdmin).filteredOn(r -> !"admin.users_listed".equals(r.get("action")))
                .allSatisfy(r -> assertThat(r.get("target_id")).isEqualTo(user.toString()));
        assertThat(byAdmin.get(2).get("details").toString()).contains("MASTER").contains("CLIENT");
        // The search text (a phone number) is not copied into the audit log.
        assertThat(byAdmin.get(4).get("details").toString()).doesNotContain(phone.substring(4));
        assertThat(events("user.deleted", user)).hasSize(1);
    }

    @Test
    void theChainVerifies() {
        Fixtures.newUser(Fixtures.phone());
        AuditVerification verification = OnVertx.await(() -> auditLog.verify());
        assertThat(verification.valid()).as(String.valueOf(verification.reason())).isTrue();
        assertThat(verification.checkedRows()).isPositive();
        // The table refuses edits outright.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.update("update audit_log set action = 'x'"))
                .hasMessageContaining("append-only");
    }

    private List<Map<String, Object>> events(String action, UUID target) {
        return db.rows("select * from audit_log where action = ? and target_id = ?", action, target.toString());
    }
}
