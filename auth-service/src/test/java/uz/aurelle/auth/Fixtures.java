package uz.aurelle.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers talking to the running service over HTTP; every account gets a fresh phone/email. */
public final class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String TERMS = "2026-01-01";
    public static final String PRIVACY = "2026-01-01";

    private Fixtures() {
    }

    /** A random, valid +998 number (9 digits after the country code). */
    public static String phone() {
        return "+9989" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String email() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.uz";
    }

    public static Map<String, Object> registration(String phone, String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (phone != null) {
            body.put("phone", phone);
        }
        if (email != null) {
            body.put("email", email);
        }
        body.put("password", password);
        body.put("name", "Dilnoza Karimova");
        body.put("locale", "uz");
        body.put("termsVersion", TERMS);
        body.put("privacyVersion", PRIVACY);
        return body;
    }

    public static Response register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/auth/register");
    }

    /** Registers a client with a fresh phone; returns the user id. */
    public static UUID newUser(String phone) {
        String id = register(registration(phone, null, PASSWORD)).then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static Response login(String phone, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("phone", phone, "password", password))
                .post("/api/auth/login");
    }

    /** Logs in and returns {access_token, refresh_token}. */
    public static Tokens tokens(String phone) {
        Response response = login(phone, PASSWORD);
        response.then().statusCode(200);
        return new Tokens(response.path("access_token"), response.path("refresh_token"));
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    public record Tokens(String access, String refresh) {
    }
}
