package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.auth.service.UserService;
import uz.aurelle.common.testing.TestTokens;

@QuarkusTest
class UserAccountTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UserService userService;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void meShowsOwnDataAndConsents() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        given().auth().oauth2(TestTokens.client(id)).get("/api/users/me").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("id", equalTo(id.toString())).body("phone", equalTo(phone))
                .body("name", equalTo("Dilnoza Karimova")).body("locale", equalTo("uz"))
                .body("consents.document", org.hamcrest.Matchers.containsInAnyOrder("TERMS", "PRIVACY"))
                .body("$", not(hasKey("passwordHash")));
    }

    @Test
    void patchMe() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        String token = TestTokens.client(id);
        String email = Fixtures.email();
        patch(token, Map.of("name", "Dilnoza K.", "locale", "en", "email", email.toUpperCase())).then().statusCode(200)
                .body("name", equalTo("Dilnoza K.")).body("locale", equalTo("en")).body("email", equalTo(email))
                .body("phone", equalTo(phone));

        String otherPhone = Fixtures.phone();
        Fixtures.newUser(otherPhone);
        patch(token, Map.of("phone", otherPhone)).then().statusCode(409).body("code", equalTo("user_exists"));
        patch(token, Map.of("phone", "123")).then().statusCode(400).body("code", equalTo("invalid_phone"));
        patch(token, Map.of("locale", "fr")).then().statusCode(400).body("code", equalTo("unsupported_locale"));
        patch(token, Map.of("name", "")).then().statusCode(400);
        patch(token, Map.of("name", "   ")).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":").patch("/api/users/me").then()
                .statusCode(400).body("code", equalTo("malformed_body"));
        given().auth().oauth2(token).get("/api/users/me").then().body("name", equalTo("Dilnoza K."));
    }

    @Test
    void deletingTheAccountEndsSessionsBlocksLoginAndFreesThePhone() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Fixtures.Tokens first = Fixtures.tokens(phone);
        Fixtures.Tokens second = Fixtures.tokens(phone);

        given().auth().oauth2(first.access()).delete("/api/users/me").then().statusCode(204);

        Fixtures.refresh(first.refresh()).then().statusCode(400).body("code", equalTo("invalid_grant"));
        Fixtures.refresh(second.refresh()).then().statusCode(400);
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        // A still-unexpired access token no longer reaches the account.
        given().auth().oauth2(first.access()).get("/api/users/me").then().statusCode(401)
                .body("code", equalTo("account_unavailable"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/users/" + id).then().statusCode(404);

        // The same phone can register a new, separate account.
        UUID again = Fixtures.newUser(phone);
        assertThat(again).isNotEqualTo(id);
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(200);
        assertThat(db.value("select deleted_at is not null from users where id = ?", id)).isEqualTo(true);
    }

    @Test
    void publicProfileNeverLeaksPhoneOrEmail() {
        String phone = Fixtures.phone();
        String email = Fixtures.email();
        String id = Fixtures.register(Fixtures.registration(phone, email, Fixtures.PASSWORD)).then().statusCode(201)
                .extract().path("id");
        String body = given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/users/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("name", equalTo("Dilnoza Karimova"))
                .extract().asString();
        assertThat(body).doesNotContain(phone).doesNotContain(phone.substring(4)).doesNotContain(email)
                .doesNotContain("phone").doesNotContain("email");
        given().get("/api/users/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/users/" + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("user_not_found"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/users/not-a-uuid").then()
                .statusCode(404);
    }

    @Test
    void anonymisationAfterRetention() {
        String phone = Fixtures.phone();
        String email = Fixtures.email();
        UUID id = UUID.fromString(Fixtures.register(Fixtures.registration(phone, email, Fixtures.PASSWORD)).then()
                .statusCode(201).extract().path("id"));
        given().auth().oauth2(TestTokens.client(id)).delete("/api/users/me").then().statusCode(204);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Within the retention period (30 days) nothing happens.
        anonymise(now.plusDays(29));
        assertThat(db.value("select phone from users where id = ?", id)).isEqualTo(phone);

        anonymise(now.plusDays(31));
        Map<String, Object> row = db.rows("select phone, email, name, password_hash, anonymised_at, active "
                + "from users where id = ?", id).get(0);
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("name")).isEqualTo("Deleted user");
        assertThat((String) row.get("password_hash")).doesNotStartWith("$argon2");
        assertThat(row.get("anonymised_at")).isNotNull();
        assertThat(db.value("select count(*) from consent_records where user_id = ? and ip is not null", id))
                .isEqualTo(0L);
        // Consent proof (document + version) stays.
        assertThat(db.value("select count(*) from consent_records where user_id = ?", id)).isEqualTo(2L);
    }

    private void anonymise(OffsetDateTime at) {
        // Repeat until the batch is drained: other tests' deleted accounts may also be due.
        int n;
        do {
            n = OnVertx.await(() -> userService.anonymiseDeletedAccounts(at));
        } while (n > 0);
    }

    private static io.restassured.response.Response patch(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).patch("/api/users/me");
    }
}
