package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

    @Test
    void registerLoginMe() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        given().auth().oauth2(tokens.access()).get("/api/users/me").then().log().ifValidationFails()
                .statusCode(200).body("phone", org.hamcrest.Matchers.equalTo(phone));
        Fixtures.refresh(tokens.refresh()).then().log().ifValidationFails().statusCode(200)
                .body("refresh_token", notNullValue());
    }
}
