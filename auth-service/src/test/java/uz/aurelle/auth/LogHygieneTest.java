package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords, tokens and full phone numbers never reach the logs, even on failures and attacks. */
@QuarkusTest
class LogHygieneTest {

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(' ').append(record.getThrown());
            }
            captured.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    @Test
    void secretsNeverAppearInLogs() {
        String phone = Fixtures.phone();
        String password = "secret-passphrase-" + System.nanoTime();
        Fixtures.register(Fixtures.registration(phone, null, password)).then().statusCode(201);
        Fixtures.login(phone, password + "-wrong").then().statusCode(401);
        var login = Fixtures.login(phone, password);
        String refresh = login.path("refresh_token");
        String access = login.path("access_token");
        String successor = Fixtures.refresh(refresh).path("refresh_token");
        Fixtures.refresh(refresh).then().statusCode(400);
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", password, "newPassword", password + "-new"))
                .post("/api/auth/change-password").then().statusCode(204);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "payments-service").formParam("client_secret", "leaked-secret-attempt")
                .post("/api/auth/token").then().statusCode(401);

        assertThat(captured).isNotEmpty();
        assertThat(captured).noneSatisfy(line -> assertThat(line).containsAnyOf(password, refresh, successor, access,
                phone, phone.substring(1), "leaked-secret-attempt"));
    }
}
