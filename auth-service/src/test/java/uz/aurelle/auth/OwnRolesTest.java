package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.aurelle.common.testing.TestTokens;

/** How a person obtains the MASTER role (sign-up or adding it to their account) and nothing more. */
@QuarkusTest
class OwnRolesTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void aClientAddsMasterOnceAndGetsItWithTheNextRefresh() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);

        addRole(tokens.access(), "master").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("roles", equalTo(List.of("CLIENT", "MASTER")));
        // Idempotent: the same answer, nothing changed, one audit event.
        addRole(tokens.access(), "MASTER").then().statusCode(200)
                .body("roles", equalTo(List.of("CLIENT", "MASTER")));
        List<Map<String, Object>> events = db.rows("select actor_id, target_id, details from audit_log"
                + " where action = 'user.role_self_granted' and target_id = ?", id.toString());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("actor_id")).isEqualTo(id.toString());
        assertThat((String) events.get(0).get("details")).contains("MASTER").doesNotContain(phone);

        // The token in hand keeps its groups; the refreshed one carries the new role.
        assertThat(LoginTest.claims(tokens.access()).getList("groups")).containsExactly("CLIENT");
        String refreshed = Fixtures.refresh(tokens.refresh()).then().statusCode(200).extract().path("access_token");
        assertThat(LoginTest.claims(refreshed).getList("groups")).containsExactlyInAnyOrder("CLIENT", "MASTER");
        given().auth().oauth2(refreshed).get("/api/users/me").then().statusCode(200)
                .body("roles", equalTo(List.of("CLIENT", "MASTER")));
    }

    @Test
    void aPersonMaySignUpAsMasterAndAddClientLater() {
        String phone = Fixtures.phone();
        Map<String, Object> body = Fixtures.registration(phone, null, Fixtures.PASSWORD);
        body.put("role", "MASTER");
        Fixtures.register(body).then().statusCode(201).body("roles", equalTo(List.of("MASTER")));
        String access = Fixtures.tokens(phone).access();
        assertThat(LoginTest.claims(access).getList("groups")).containsExactly("MASTER");

        addRole(access, "client").then().statusCode(200).body("roles", equalTo(List.of("CLIENT", "MASTER")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "SALON_OWNER", "service"})
    void privilegedRolesCannotBeSelfGranted(String role) {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        String access = Fixtures.tokens(phone).access();

        addRole(access, role).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("role_not_allowed"));
        assertThat(db.value("select array_to_string(roles, ',') from users where id = ?", id)).isEqualTo("CLIENT");
        assertThat(db.value("select count(*) from audit_log where action = 'user.role_self_granted'"
                + " and target_id = ?", id.toString())).isEqualTo(0L);
        assertThat(LoginTest.claims(Fixtures.tokens(phone).access()).getList("groups")).containsExactly("CLIENT");
    }

    @Test
    void unknownRolesAnonymousCallersServicesAndGoneAccountsAreRefused() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        String access = Fixtures.tokens(phone).access();
        addRole(access, "emperor").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("role_not_found"));
        given().post("/api/users/me/roles/master").then().statusCode(401);
        addRole(TestTokens.service("payments-service"), "master").then().statusCode(403);

        given().auth().oauth2(access).delete("/api/users/me").then().statusCode(204);
        addRole(access, "master").then().statusCode(401).body("code", equalTo("account_unavailable"));
        assertThat(db.value("select array_to_string(roles, ',') from users where id = ?", id)).isEqualTo("CLIENT");
    }

    private static Response addRole(String token, String role) {
        return given().auth().oauth2(token).post("/api/users/me/roles/" + role);
    }
}
