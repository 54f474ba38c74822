package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.service.ClickService;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.MarketplaceFake;

/**
 * The open points of PROTOCOLS.md switched away from their defaults (Uzum replay codes and HTTP 400
 * for FAILED, Click -9 on a late error), and committed placeholder credentials refused outside dev.
 */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
@TestProfile(ProviderSwitchesTest.Switched.class)
class ProviderSwitchesTest {

    public static class Switched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aurelle.payments.uzum.replay-error-codes", "true",
                    "aurelle.payments.uzum.failed-http-status", "400",
                    "aurelle.payments.click.cancelled-answer-on-confirmed", "true",
                    "aurelle.payments.local-dev-credentials-allowed", "false",
                    "aurelle.payments.payme.merchants.desk3.key", "local-dev-payme-key");
        }
    }

    @Test
    void uzumReplaysGetDedicatedCodesAndFailedIsHttp400() {
        Api.Booking booking = Api.booking(200_000);
        String order = Api.order(booking, "UZUM");
        String transId = UUID.randomUUID().toString();
        String create = "{\"serviceId\":498,\"timestamp\":1,\"transId\":\"" + transId + "\",\"params\":{\"order_id\":\""
                + order + "\"},\"amount\":200000}";
        String tx = "{\"serviceId\":498,\"timestamp\":1,\"transId\":\"" + transId + "\"}";
        assertThat(uzum("create", create, 200).getString("status")).isEqualTo("CREATED");
        assertThat(uzum("create", create, 400).getInt("errorCode")).isEqualTo(10010);
        assertThat(uzum("confirm", tx, 200).getString("status")).isEqualTo("CONFIRMED");
        assertThat(uzum("confirm", tx, 400).getInt("errorCode")).isEqualTo(10016);
        assertThat(uzum("reverse", tx, 200).getString("status")).isEqualTo("REVERSED");
        assertThat(uzum("reverse", tx, 400).getInt("errorCode")).isEqualTo(10018);
    }

    @Test
    void clickLateErrorOnConfirmedPaymentAnswersMinus9WithoutRefund() {
        Api.Booking booking = Api.booking(210_000);
        String order = Api.order(booking, "CLICK");
        long transId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("click_trans_id", String.valueOf(transId));
        f.put("service_id", "12345");
        f.put("click_paydoc_id", "1");
        f.put("merchant_trans_id", order);
        f.put("amount", "2100");
        f.put("action", "0");
        f.put("error", "0");
        f.put("sign_time", "2024-03-02 07:50:19");
        f.put("sign_string", ClickService.prepareSignature(f, "TEST_SECRET"));
        long prepareId = click("prepare", f).getLong("merchant_prepare_id");
        f.put("action", "1");
        f.put("merchant_prepare_id", String.valueOf(prepareId));
        f.put("sign_string", ClickService.completeSignature(f, "TEST_SECRET"));
        assertThat(click("complete", f).getInt("error")).isZero();
        f.put("error", "-1");
        f.put("sign_string", ClickService.completeSignature(f, "TEST_SECRET"));
        assertThat(click("complete", f).getInt("error")).isEqualTo(-9);
        assertThat(uz.aurelle.payments.testing.Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order))
                .isEqualTo("PAID");
    }

    @Test
    void placeholderCredentialsAuthenticateNobody() {
        String answer = Api.paymeRaw("/api/payments/payme/desk3", "local-dev-payme-key",
                Api.rpc("CheckTransaction", "{\"id\":\"" + Api.paymeId() + "\"}"));
        assertThat(new JsonPath(answer).getInt("error.code")).isEqualTo(-32504);
    }

    private static JsonPath uzum(String op, String body, int status) {
        return given().auth().preemptive().basic("uzum-test", "uzum-test-password").contentType("application/json")
                .body(body).when().post("/api/payments/uzum/" + op).then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath click(String endpoint, Map<String, String> fields) {
        return given().contentType("application/x-www-form-urlencoded").formParams(fields)
                .when().post("/api/payments/click/" + endpoint).then().statusCode(200).extract().jsonPath();
    }
}
