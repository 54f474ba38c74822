package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logout, logout-all and password change end sessions as users expect. */
@QuarkusTest
class SessionEndpointsTest {

    @Test
    void logoutEndsOnlyItsOwnSession() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens phoneSession = Fixtures.tokens(phone);
        Fixtures.Tokens laptopSession = Fixtures.tokens(phone);
        String rotated = Fixtures.refresh(phoneSession.refresh()).then().statusCode(200).extract().path("refresh_token");

        logout(rotated).then().statusCode(204);
        Fixtures.refresh(rotated).then().statusCode(400).body("code", equalTo("invalid_grant"));
        Fixtures.refresh(laptopSession.refresh()).then().statusCode(200);
        // Unknown or repeated logout is harmless and reveals nothing.
        logout(rotated).then().statusCode(204);
        logout("never-issued-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxx").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/auth/logout").then().statusCode(400);
    }

    @Test
    void logoutAllEndsEverySession() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens first = Fixtures.tokens(phone);
        Fixtures.Tokens second = Fixtures.tokens(phone);

        given().post("/api/auth/logout-all").then().statusCode(401);
        given().auth().oauth2(first.access()).post("/api/auth/logout-all").then().statusCode(204);
        Fixtures.refresh(first.refresh()).then().statusCode(400);
        Fixtures.refresh(second.refresh()).then().statusCode(400);
        // Signing in again works.
        Fixtures.tokens(phone);
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndEndsEverySession() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens session = Fixtures.tokens(phone);
        Fixtures.Tokens other = Fixtures.tokens(phone);
        String newPassword = "a brand new passphrase for 2026";

        change(session.access(), "wrong current password", newPassword).then().statusCode(400)
                .body("code", equalTo("current_password_wrong"));
        change(session.access(), Fixtures.PASSWORD, "short").then().statusCode(400)
                .body("code", equalTo("password_too_short"));
        change(session.access(), Fixtures.PASSWORD, "iloveyou1").then().statusCode(400)
                .body("code", equalTo("password_too_common"));
        // Failed attempts changed nothing.
        Fixtures.refresh(other.refresh()).then().statusCode(200);

        change(session.access(), Fixtures.PASSWORD, newPassword).then().statusCode(204);
        Fixtures.refresh(session.refresh()).then().statusCode(400);
        Fixtures.login(phone, Fixtures.PASSWORD).then().statusCode(401);
        Fixtures.login(phone, newPassword).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("currentPassword", "x", "newPassword", "y"))
                .post("/api/auth/change-password").then().statusCode(401);
        given().auth().oauth2(session.access()).contentType(ContentType.JSON).body(Map.of("newPassword", "y"))
                .post("/api/auth/change-password").then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    private static io.restassured.response.Response logout(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/logout");
    }

    private static io.restassured.response.Response change(String access, String current, String next) {
        return given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).post("/api/auth/change-password");
    }
}
