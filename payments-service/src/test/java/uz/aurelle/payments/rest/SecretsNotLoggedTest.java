package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;

/** Provider credentials never reach the logs or the stored webhook calls, on good and bad calls alike. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class SecretsNotLoggedTest {

    private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            captured.add(text.toString());
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
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    @Test
    void credentialsAppearNowhere() {
        String wrongKey = "WRONG-" + UUID.randomUUID();
        String newKey = "SECRET-" + UUID.randomUUID();
        Api.paymeRaw("/api/payments/payme", wrongKey, Api.rpc("CheckTransaction", "{\"id\":\"x\"}"));
        Api.paymeRaw(Api.rpc("CheckTransaction", "{\"id\":\"" + Api.paymeId() + "\"}"));
        Api.paymeRaw("/api/payments/payme/desk2", "DESK2_KEY", Api.rpc("ChangePassword",
                "{\"password\":\"" + newKey + "\"}"));
        Api.paymeRaw("/api/payments/payme/desk2", newKey, Api.rpc("ChangePassword", "{\"password\":\"DESK2_KEY\"}"));
        given().auth().preemptive().basic("uzum-test", "uzum-test-password").contentType("application/json")
                .body("{\"serviceId\":498,\"params\":{\"order_id\":\"" + UUID.randomUUID() + "\"}}")
                .post("/api/payments/uzum/check").then().statusCode(200);
        given().auth().preemptive().basic("uzum-test", wrongKey).contentType("application/json")
                .body("{\"serviceId\":498}").post("/api/payments/uzum/check").then().statusCode(200);

        String logs = String.join("\n", captured);
        assertThat(logs).as("the capture works").contains("Payme authentication failed").contains("changed");
        String stored = Db.query("SELECT request_headers, request_body, response_body FROM webhook_call "
                + "WHERE received_at > now() - interval '1 minute'").toString();
        for (String secret : new String[] {wrongKey, newKey, Api.PAYME_KEY, "DESK2_KEY", "uzum-test-password",
                "TEST_SECRET", b64("Paycom:" + Api.PAYME_KEY), b64("uzum-test:uzum-test-password")}) {
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(stored).as("webhook_call").doesNotContain(secret);
        }
        assertThat(stored).contains("[redacted]");
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
