package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RegistrationTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void registersWithNormalisedPhoneAndLowerCasedEmailAndConsents() {
        String phone = Fixtures.phone();
        String local = phone.substring(4, 6) + " " + phone.substring(6, 9) + "-" + phone.substring(9, 11) + "-"
                + phone.substring(11);
        String email = Fixtures.email();
        Map<String, Object> body = Fixtures.registration(local, email.toUpperCase(), Fixtures.PASSWORD);
        body.put("role", "SALON_OWNER");

        var response = Fixtures.register(body).then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("phone", equalTo(phone))
                .body("email", equalTo(email))
                .body("roles", equalTo(List.of("SALON_OWNER")))
                .body("locale", equalTo("uz"))
                .body("consents", hasSize(2))
                .body("password", nullValue())
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/users/" + id);

        List<Map<String, Object>> consents = db.rows(
                "select document, version, ip from consent_records where user_id = ? order by document",
                UUID.fromString(id));
        assertThat(consents).extracting(r -> r.get("document")).containsExactly("PRIVACY", "TERMS");
        assertThat(consents).allSatisfy(r -> {
            assertThat(r.get("version")).isEqualTo("2026-01-01");
            assertThat(r.get("ip")).isNotNull();
        });
        String stored = (String) db.value("select password_hash from users where id = ?", UUID.fromString(id));
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void emailOnlyAndDefaultRoleClient() {
        String email = Fixtures.email();
        Fixtures.register(Fixtures.registration(null, email, Fixtures.PASSWORD)).then().statusCode(201)
                .body("roles", equalTo(List.of("CLIENT"))).body("phone", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Fixtures.PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void duplicatePhoneInAnotherFormatIs409() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.register(Fixtures.registration(phone.substring(1), null, Fixtures.PASSWORD)).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("user_exists"));
    }

    @Test
    void duplicateEmailIgnoringCaseIs409() {
        String email = Fixtures.email();
        Fixtures.register(Fixtures.registration(null, email, Fixtures.PASSWORD)).then().statusCode(201);
        Fixtures.register(Fixtures.registration(Fixtures.phone(), email.toUpperCase(), Fixtures.PASSWORD)).then()
                .statusCode(409).body("code", equalTo("user_exists"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "SERVICE"})
    void adminAndServiceCannotSelfRegister(String role) {
        Map<String, Object> body = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        body.put("role", role);
        Fixtures.register(body).then().statusCode(400).body("code", equalTo("role_not_allowed"));
    }

    @Test
    void unknownRoleIsMalformed() {
        Map<String, Object> body = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        body.put("role", "SUPERUSER");
        Fixtures.register(body).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void outdatedConsentIs422WithCurrentVersions() {
        Map<String, Object> body = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        body.put("termsVersion", "2020-01-01");
        Fixtures.register(body).then().statusCode(422).body("code", equalTo("consent_required"))
                .body("termsVersion", equalTo("2026-01-01")).body("privacyVersion", equalTo("2026-01-01"));
    }

    @Test
    void passwordPolicy() {
        Fixtures.register(Fixtures.registration(Fixtures.phone(), null, "short12")).then().statusCode(400)
                .body("code", equalTo("password_too_short")).body("minLength", equalTo(8));
        Fixtures.register(Fixtures.registration(Fixtures.phone(), null, "Password1")).then().statusCode(400)
                .body("code", equalTo("password_too_common"));
        Fixtures.register(Fixtures.registration(Fixtures.phone(), null, "Qwertyuiop")).then().statusCode(400)
                .body("code", equalTo("password_too_common"));
        Fixtures.register(Fixtures.registration(Fixtures.phone(), null, "a".repeat(257))).then().statusCode(400)
                .body("code", equalTo("password_too_long")).body("maxLength", equalTo(256));
        // No composition rules: eight plain lower-case letters that are not common are fine.
        Fixtures.register(Fixtures.registration(Fixtures.phone(), null, "tashkentsun")).then().statusCode(201);
    }

    @Test
    void longPasswordsWorkExactlyAsTyped() {
        String phone = Fixtures.phone();
        String base = "Samarqand-Buxoro-Xiva ".repeat(10).substring(0, 199);
        Fixtures.register(Fixtures.registration(phone, null, base + "A")).then().statusCode(201);
        Fixtures.login(phone, base + "A").then().statusCode(200);
        Fixtures.login(phone, base + "B").then().statusCode(401).body("code", equalTo("invalid_credentials"));
        Fixtures.login(phone, base).then().statusCode(401);

        String phone64 = Fixtures.phone();
        String sixtyFour = "0123456789abcdef".repeat(4) + "Z";
        Fixtures.register(Fixtures.registration(phone64, null, sixtyFour)).then().statusCode(201);
        Fixtures.login(phone64, sixtyFour).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+7 901 234 56 78", "+99890123456", "12345", "phone", "+998 90 123 45 6x",
            "998 90 123 45 67 89"})
    void wrongPhoneFormatsAre400(String phone) {
        Fixtures.register(Fixtures.registration(phone, null, Fixtures.PASSWORD)).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_phone"));
    }

    @Test
    void badInputGivesClear4xx() {
        // Neither phone nor email.
        Fixtures.register(Fixtures.registration(null, null, Fixtures.PASSWORD)).then().statusCode(400)
                .body("code", equalTo("phone_or_email_required"));
        // Missing password / name / consent versions.
        Map<String, Object> missing = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        missing.remove("password");
        missing.remove("name");
        missing.remove("termsVersion");
        Fixtures.register(missing).then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(containsString("password")))
                .body("errors.field", hasItem(containsString("name")))
                .body("errors.field", hasItem(containsString("termsVersion")));
        // Malformed JSON, wrong types, no body, wrong media type.
        given().contentType(ContentType.JSON).body("{\"phone\": \"+99890").post("/api/auth/register").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed_body"));
        given().contentType(ContentType.JSON).body("{\"phone\": [1,2], \"password\": {}}").post("/api/auth/register")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("phone=1").post("/api/auth/register").then().statusCode(415);
        // Bad email, locale, oversize name.
        Fixtures.register(Fixtures.registration(null, "not-an-email", Fixtures.PASSWORD)).then().statusCode(400)
                .body("code", equalTo("invalid_email"));
        Map<String, Object> locale = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        locale.put("locale", "de");
        Fixtures.register(locale).then().statusCode(400).body("code", equalTo("unsupported_locale"));
        Map<String, Object> longName = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        longName.put("name", "n".repeat(101));
        Fixtures.register(longName).then().statusCode(400).body("code", equalTo("validation_failed"));
        // Oversize body.
        Map<String, Object> huge = Fixtures.registration(Fixtures.phone(), null, Fixtures.PASSWORD);
        huge.put("name", "x".repeat(70_000));
        Fixtures.register(huge).then().statusCode(413);
    }

    @Test
    void problemsAreLocalised() {
        given().contentType(ContentType.JSON).header("Accept-Language", "ru")
                .body(Fixtures.registration("12345", null, Fixtures.PASSWORD)).post("/api/auth/register").then()
                .statusCode(400).body("title", equalTo("Неверный номер телефона"));
        given().contentType(ContentType.JSON).header("Accept-Language", "uz")
                .body(Fixtures.registration(Fixtures.phone(), null, "short12")).post("/api/auth/register").then()
                .statusCode(400).body("detail", containsString("kamida 8"));
    }
}
