package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;

@QuarkusTest
class AdminUsersTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;
    UUID adminId;
    String adminToken;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        adminId = Fixtures.newUser(Fixtures.phone());
        db.update("update users set roles = '{ADMIN}' where id = ?", adminId);
        adminToken = TestTokens.admin(adminId);
    }

    @Test
    void onlyAdminsGetIn() {
        UUID client = Fixtures.newUser(Fixtures.phone());
        given().get("/api/admin/users").then().statusCode(401);
        given().auth().oauth2(TestTokens.client(client)).get("/api/admin/users").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.owner(client)).post("/api/admin/users/" + client + "/deactivate").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.service("payments-service")).get("/api/admin/users").then().statusCode(403);
    }

    @Test
    void aDemotedOrDeactivatedAdminIsRefusedEvenWithAValidToken() {
        UUID other = Fixtures.newUser(Fixtures.phone());
        db.update("update users set active = false where id = ?", adminId);
        admin().post("/api/admin/users/" + other + "/deactivate").then().statusCode(403)
                .body("code", equalTo("admin_revoked"));
        db.update("update users set active = true, roles = '{CLIENT}' where id = ?", adminId);
        admin().get("/api/admin/users").then().statusCode(403).body("code", equalTo("admin_revoked"));
        // A token for an account that never existed does not work either.
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/admin/users/" + other).then()
                .statusCode(403);
        admin().get("/api/admin/users/" + other).then().statusCode(403);
    }

    @Test
    void searchWithPagingAndFilters() {
        String marker = "Zarina" + UUID.randomUUID().toString().substring(0, 8);
        String phone = Fixtures.phone();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Fixtures.registration(i == 0 ? phone : Fixtures.phone(), null, Fixtures.PASSWORD);
            body.put("name", marker + " " + i);
            if (i == 2) {
                body.put("role", "SALON_OWNER");
            }
            Fixtures.register(body).then().statusCode(201);
        }
        admin().queryParam("q", marker.toLowerCase()).queryParam("size", 2).get("/api/admin/users").then()
                .statusCode(200).body("items", hasSize(2)).body("total", equalTo(3)).body("page", equalTo(0))
                .body("size", equalTo(2)).body("items[0].phone", notNullValue());
        admin().queryParam("q", marker).queryParam("size", 2).queryParam("page", 1).get("/api/admin/users").then()
                .statusCode(200).body("items", hasSize(1));
        admin().queryParam("q", marker).queryParam("role", "SALON_OWNER").get("/api/admin/users").then()
                .body("total", equalTo(1)).body("items[0].roles", equalTo(List.of("SALON_OWNER")));
        admin().queryParam("q", phone.substring(5)).get("/api/admin/users").then().body("total", equalTo(1))
                .body("items[0].phone", equalTo(phone));
        // LIKE wildcards in q are literal.
        admin().queryParam("q", "%").get("/api/admin/users").then().statusCode(200)
                .body("items.name", everyItem(org.hamcrest.Matchers.containsString("%")));

        admin().queryParam("size", 0).get("/api/admin/users").then().statusCode(400);
        admin().queryParam("size", 1000).get("/api/admin/users").then().statusCode(400);
        admin().queryParam("page", -1).get("/api/admin/users").then().statusCode(400);
        admin().queryParam("role", "KING").get("/api/admin/users").then().statusCode(400)
                .body("code", equalTo("invalid_role"));
        admin().queryParam("includeDeleted", true).queryParam("deletedOnly", true).get("/api/admin/users").then()
                .statusCode(400).body("code", equalTo("conflicting_filters"));
    }

    @Test
    void softDeletedUsersAreListedOnRequestAndCanBeRestored() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        String marker = "Restore" + UUID.randomUUID().toString().substring(0, 8);
        db.update("update users set name = ? where id = ?", marker, id);
        given().auth().oauth2(Fixtures.tokens(phone).access()).delete("/api/users/me").then().statusCode(204);

        admin().queryParam("q", marker).get("/api/admin/users").then().body("total", equalTo(0));
        admin().queryParam("q", marker).queryParam("includeDeleted", true).get("/api/admin/users").then()
                .body("total", equalTo(1)).body("items[0].deletedAt", notNullValue());
        admin().queryParam("q", marker).queryParam("deletedOnly", true).get("/api/admin/users").then()
                .body("total", equalTo(1));

        admin().post("/api/admin/users/" + id + "/restore").then().statusCode(200).body("deletedAt", nullValue());
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(200);
        admin().queryParam("q", marker).get("/api/admin/users").then().body("total", equalTo(1));
        admin().post("/api/admin/users/" + id + "/restore").then().statusCode(409)
                .body("code", equalTo("user_not_deleted"));
        admin().post("/api/admin/users/" + UUID.randomUUID() + "/restore").then().statusCode(404);
    }

    @Test
    void restoreIsRefusedWhenThePhoneWasTakenMeanwhile() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        given().auth().oauth2(TestTokens.client(id)).delete("/api/users/me").then().statusCode(204);
        UUID newcomer = Fixtures.newUser(phone);

        admin().post("/api/admin/users/" + id + "/restore").then().statusCode(409)
                .body("code", equalTo("user_identity_taken"));
        admin().get("/api/admin/users/" + id).then().statusCode(200).body("deletedAt", notNullValue());
        admin().get("/api/admin/users/" + newcomer).then().statusCode(200).body("deletedAt", nullValue());
    }

    @Test
    void anonymisedAccountsCannotBeRestored() {
        UUID id = Fixtures.newUser(Fixtures.phone());
        db.update("update users set deleted_at = now() - interval '40 days', anonymised_at = now(), phone = null, "
                + "name = 'Deleted user' where id = ?", id);
        admin().post("/api/admin/users/" + id + "/restore").then().statusCode(409)
                .body("code", equalTo("user_anonymised"));
        admin().post("/api/admin/users/" + id + "/deactivate").then().statusCode(404);
    }

    @Test
    void deactivationEndsSessionsAndActivationAllowsLoginAgain() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);

        admin().post("/api/admin/users/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        Fixtures.refresh(tokens.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));

        admin().post("/api/admin/users/" + id + "/activate").then().statusCode(200).body("active", equalTo(true));
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(200);
        admin().post("/api/admin/users/" + UUID.randomUUID() + "/deactivate").then().statusCode(404)
                .body("code", equalTo("user_not_found"));
        admin().post("/api/admin/users/not-a-uuid/deactivate").then().statusCode(404);
    }

    @Test
    void changingRoles() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        roles(id, List.of("MASTER", "CLIENT")).then().statusCode(200)
                .body("roles", equalTo(List.of("CLIENT", "MASTER")));
        String access = Fixtures.tokens(phone).access();
        assertThat(LoginTest.claims(access).getList("groups")).containsExactlyInAnyOrder("CLIENT", "MASTER");

        roles(id, List.of("SERVICE")).then().statusCode(400).body("code", equalTo("role_not_allowed"));
        roles(id, List.of()).then().statusCode(400).body("code", equalTo("validation_failed"));
        roles(id, List.of("EMPEROR")).then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{}").put("/api/admin/users/" + id + "/roles").then()
                .statusCode(400);
    }

    @Test
    void theLastActiveAdminCannotBeRemoved() {
        // Make this test's admin the only active one (other tests' admins are switched off).
        db.update("update users set active = false where 'ADMIN' = any(roles) and id <> ?", adminId);

        roles(adminId, List.of("CLIENT")).then().statusCode(409).body("code", equalTo("last_admin"));
        admin().post("/api/admin/users/" + adminId + "/deactivate").then().statusCode(409)
                .body("code", equalTo("last_admin"));
        admin().delete("/api/users/me").then().statusCode(409).body("code", equalTo("last_admin"));
        admin().get("/api/admin/users/" + adminId).then().body("roles", hasItem("ADMIN")).body("active", equalTo(true));

        UUID second = Fixtures.newUser(Fixtures.phone());
        roles(second, List.of("ADMIN")).then().statusCode(200);
        roles(adminId, List.of("CLIENT")).then().statusCode(200).body("roles", not(hasItem("ADMIN")));
        // Now `second` is the last one.
        given().auth().oauth2(TestTokens.admin(second)).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("CLIENT"))).put("/api/admin/users/" + second + "/roles").then()
                .statusCode(409).body("code", equalTo("last_admin"));
    }

    @Test
    void adminViewsShowContactDataButPublicProfilesDoNot() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        admin().get("/api/admin/users/" + id).then().statusCode(200).body("phone", equalTo(phone));
        String profile = given().auth().oauth2(adminToken).get("/api/users/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(profile).doesNotContain(phone).doesNotContain("phone");
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(adminToken);
    }

    private io.restassured.response.Response roles(UUID id, List<String> roles) {
        return admin().contentType(ContentType.JSON).body(Map.of("roles", roles)).put("/api/admin/users/" + id + "/roles");
    }
}
