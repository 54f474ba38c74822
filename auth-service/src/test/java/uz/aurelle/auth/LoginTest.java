package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void loginReturnsAnRfc6749TokenPair() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Response response = Fixtures.login(phone, Fixtures.PASSWORD);
        response.then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("access_token", notNullValue())
                .body("refresh_token", matchesPattern("^[A-Za-z0-9_-]{43,}$"));

        String refresh = response.path("refresh_token");
        assertThat(Base64.getUrlDecoder().decode(refresh)).hasSizeGreaterThanOrEqualTo(32);
        // Only the SHA-256 of the refresh token is stored.
        assertThat(db.value("select count(*) from refresh_tokens where token_hash = ?", refresh)).isEqualTo(0L);
        assertThat(db.value("select count(*) from refresh_tokens where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                refresh)).isEqualTo(1L);

        JsonPath claims = claims(response.path("access_token"));
        assertThat(claims.getString("iss")).isEqualTo("https://aurelle.uz");
        assertThat(claims.getString("aud")).contains("aurelle-api");
        assertThat(claims.getString("sub")).isEqualTo(id.toString());
        assertThat(claims.getList("groups")).containsExactly("CLIENT");
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900L);
        JsonPath header = header(response.path("access_token"));
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isEqualTo("test-key");

        // The access token works against our own protected endpoint.
        given().auth().oauth2(response.path("access_token")).get("/api/users/me").then().statusCode(200)
                .body("id", equalTo(id.toString()));
    }

    @Test
    void loginWithEmailAndWithAnotherPhoneFormat() {
        String phone = Fixtures.phone();
        String email = Fixtures.email();
        Fixtures.register(Fixtures.registration(phone, email, Fixtures.PASSWORD)).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", Fixtures.PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
        Fixtures.login(phone.substring(4), Fixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownWrongInactiveAndDeletedAccountsGetTheIdenticalAnswer() {
        String phone = Fixtures.phone();
        UUID id = Fixtures.newUser(phone);
        Problem wrongPassword = Problem.of(Fixtures.login(phone, "not the password at all"));
        Problem unknown = Problem.of(Fixtures.login(Fixtures.phone(), Fixtures.PASSWORD));

        String inactivePhone = Fixtures.phone();
        UUID inactive = Fixtures.newUser(inactivePhone);
        db.update("update users set active = false where id = ?", inactive);
        Problem deactivated = Problem.of(Fixtures.login(inactivePhone, Fixtures.PASSWORD));

        String deletedPhone = Fixtures.phone();
        UUID deleted = Fixtures.newUser(deletedPhone);
        db.update("update users set deleted_at = now() where id = ?", deleted);
        Problem gone = Problem.of(Fixtures.login(deletedPhone, Fixtures.PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
        assertThat(List.of(unknown, deactivated, gone)).allSatisfy(p -> assertThat(p).isEqualTo(wrongPassword));
        assertThat(id).isNotNull();
    }

    @Test
    void badLoginInput() {
        given().contentType(ContentType.JSON).body(Map.of("password", Fixtures.PASSWORD)).post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("phone_or_email_required"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "+998901234567")).post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "0000", "password", "x")).post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("invalid_phone"));
        given().contentType(ContentType.JSON).body("not json").post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("malformed_body"));
        given().contentType(ContentType.JSON).body(Map.of("phone", Fixtures.phone(), "password", "p".repeat(2000)))
                .post("/api/auth/login").then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    /** The parts of a problem a client can compare (requestId and instance differ per request). */
    record Problem(int status, String contentType, String code, String title, String detail) {
        static Problem of(Response response) {
            return new Problem(response.statusCode(), response.contentType(), response.path("code"),
                    response.path("title"), response.path("detail"));
        }
    }

    static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }

    static JsonPath header(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])));
    }
}
