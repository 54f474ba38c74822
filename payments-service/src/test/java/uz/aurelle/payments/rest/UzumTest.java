package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;
import uz.aurelle.payments.testing.TestClock;

/** Uzum Bank Merchant API webhooks over HTTP: every operation and error code. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class UzumTest {

    private static final UUID SIGNED_SALON = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static JsonPath uzum(String op, String body) {
        return uzum(op, body, "uzum-test", "uzum-test-password", null);
    }

    static JsonPath uzum(String op, String body, String login, String password, String signature) {
        var spec = given().contentType("application/json").body(body);
        if (login != null) {
            spec = spec.auth().preemptive().basic(login, password);
        }
        if (signature != null) {
            spec = spec.header("X-Signature", signature);
        }
        return spec.when().post("/api/payments/uzum/" + op).then().statusCode(200).extract().jsonPath();
    }

    static String check(String order) {
        return "{\"serviceId\":498,\"timestamp\":1700000000000,\"params\":{\"order_id\":\"" + order + "\"}}";
    }

    static String create(String transId, String order, long amount) {
        return "{\"serviceId\":498,\"timestamp\":1700000000000,\"transId\":\"" + transId
                + "\",\"params\":{\"order_id\":\"" + order + "\"},\"amount\":" + amount + "}";
    }

    static String tx(String transId) {
        return "{\"serviceId\":498,\"timestamp\":1700000000000,\"transId\":\"" + transId
                + "\",\"paymentSource\":\"UZCARD\",\"phone\":\"998901234567\"}";
    }

    @Test
    void checkCreateConfirmReverseWithStatus() {
        Api.Booking booking = Api.booking(150_000);
        String order = Api.order(booking, "UZUM");
        JsonPath checked = uzum("check", check(order));
        assertThat(checked.getString("status")).isEqualTo("OK");
        assertThat(checked.getInt("serviceId")).isEqualTo(498);
        assertThat(checked.getString("data.order_id.value")).isEqualTo(order);

        String transId = UUID.randomUUID().toString();
        JsonPath created = uzum("create", create(transId, order, 150_000));
        assertThat(created.getString("status")).isEqualTo("CREATED");
        assertThat(created.getLong("amount")).isEqualTo(150_000);
        long transTime = created.getLong("transTime");
        clock.advance(Duration.ofSeconds(3));
        assertThat(uzum("create", create(transId, order, 150_000)).getLong("transTime")).as("replay, stored").isEqualTo(transTime);
        assertThat(uzum("status", tx(transId)).getString("status")).isEqualTo("CREATED");

        JsonPath confirmed = uzum("confirm", tx(transId));
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        long confirmTime = confirmed.getLong("confirmTime");
        assertThat(uzum("confirm", tx(transId)).getLong("confirmTime")).isEqualTo(confirmTime);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("PAID");
        assertThat(Db.single("SELECT uzum_phone_masked FROM provider_transaction WHERE provider_transaction_id = ?", transId))
                .isEqualTo("***4567");
        JsonPath status = uzum("status", tx(transId));
        assertThat(status.getString("status")).isEqualTo("CONFIRMED");
        assertThat(status.getLong("confirmTime")).isEqualTo(confirmTime);
        assertThat(status.getLong("transTime")).isEqualTo(transTime);

        JsonPath reversed = uzum("reverse", tx(transId));
        assertThat(reversed.getString("status")).isEqualTo("REVERSED");
        assertThat(uzum("reverse", tx(transId)).getLong("reverseTime")).isEqualTo(reversed.getLong("reverseTime"));
        assertThat(uzum("status", tx(transId)).getString("status")).isEqualTo("REVERSED");
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("REFUNDED");
        assertThat(Db.single("SELECT count(*) FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAYMENT_CANCELLED'",
                order)).isEqualTo(1L);
        assertThat(uzum("confirm", tx(transId)).getInt("errorCode")).isEqualTo(10015);
    }

    @Test
    void accessAndRequestErrors() {
        Api.Booking booking = Api.booking(160_000);
        String order = Api.order(booking, "UZUM");
        assertThat(uzum("check", check(order), null, null, null).getInt("errorCode")).isEqualTo(10001);
        JsonPath denied = uzum("check", check(order), "uzum-test", "wrong", null);
        assertThat(denied.getInt("errorCode")).isEqualTo(10001);
        assertThat(denied.getString("status")).isEqualTo("FAILED");
        assertThat(uzum("check", check(order), "uzum-signed", "uzum-test-password", null).getInt("errorCode"))
                .isEqualTo(10001);
        assertThat(uzum("check", "{oops").getInt("errorCode")).isEqualTo(10002);
        assertThat(uzum("refund", check(order)).getInt("errorCode")).isEqualTo(10003);
        assertThat(uzum("check", "{\"serviceId\":498,\"params\":{}}").getInt("errorCode")).isEqualTo(10005);
        assertThat(uzum("confirm", "{\"serviceId\":498}").getInt("errorCode")).isEqualTo(10005);
        assertThat(uzum("create", "{\"serviceId\":498,\"transId\":\"t\",\"params\":{\"order_id\":\"" + order + "\"}}")
                .getInt("errorCode")).isEqualTo(10005);
        assertThat(uzum("check", check(order).replace("498", "497")).getInt("errorCode")).isEqualTo(10006);
        assertThat(uzum("check", check(UUID.randomUUID().toString())).getInt("errorCode")).isEqualTo(10007);
        assertThat(uzum("check", check("197")).getInt("errorCode")).isEqualTo(10007);
        assertThat(uzum("confirm", tx(UUID.randomUUID().toString())).getInt("errorCode")).isEqualTo(10014);
        assertThat(uzum("reverse", tx(UUID.randomUUID().toString())).getInt("errorCode")).isEqualTo(10014);
        assertThat(uzum("status", tx(UUID.randomUUID().toString())).getInt("errorCode")).isEqualTo(10014);
    }

    @Test
    void amountRules() {
        Api.Booking booking = Api.booking(160_000);
        String order = Api.order(booking, "UZUM");
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 159_999)).getInt("errorCode")).isEqualTo(10011);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 160_001)).getInt("errorCode")).isEqualTo(10011);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 99)).getInt("errorCode")).isEqualTo(10012);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 100_000_000_001L)).getInt("errorCode"))
                .isEqualTo(10013);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 160_000).replace("160000", "1600.5"))
                .getInt("errorCode")).isEqualTo(10011);
        // A transId belongs to one order.
        String transId = UUID.randomUUID().toString();
        uzum("create", create(transId, order, 160_000));
        Api.Booking other = Api.booking(160_000);
        assertThat(uzum("create", create(transId, Api.order(other, "UZUM"), 160_000)).getInt("errorCode"))
                .isEqualTo(10010);
    }

    @Test
    void paidAndCancelledOrders() {
        Api.Booking booking = Api.booking(170_000);
        String order = Api.order(booking, "UZUM");
        String transId = UUID.randomUUID().toString();
        uzum("create", create(transId, order, 170_000));
        uzum("confirm", tx(transId));
        assertThat(uzum("check", check(order)).getInt("errorCode")).isEqualTo(10008);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 170_000)).getInt("errorCode")).isEqualTo(10008);
        // A delivered service is not reversed.
        MarketplaceFake.booking(booking.id(), booking.clientId(), booking.salonId(), booking.ownerId(), 170_000,
                "COMPLETED", true, false, true);
        assertThat(uzum("reverse", tx(transId)).getInt("errorCode")).isEqualTo(10017);

        Api.Booking second = Api.booking(171_000);
        String secondOrder = Api.order(second, "UZUM");
        String secondTrans = UUID.randomUUID().toString();
        uzum("create", create(secondTrans, secondOrder, 171_000));
        assertThat(uzum("reverse", tx(secondTrans)).getString("status")).isEqualTo("REVERSED");
        assertThat(uzum("check", check(secondOrder)).getInt("errorCode")).isEqualTo(10009);
        assertThat(uzum("confirm", tx(secondTrans)).getInt("errorCode")).isEqualTo(10015);
    }

    @Test
    void notConfirmedWithinThirtyMinutesFails() {
        Api.Booking booking = Api.booking(180_000);
        String order = Api.order(booking, "UZUM");
        String transId = UUID.randomUUID().toString();
        uzum("create", create(transId, order, 180_000));
        clock.advance(Duration.ofMinutes(29));
        assertThat(uzum("status", tx(transId)).getString("status")).isEqualTo("CREATED");
        clock.advance(Duration.ofMinutes(2));
        JsonPath status = uzum("status", tx(transId));
        assertThat(status.getString("status")).isEqualTo("FAILED");
        // Durable: the database already says so, and confirm is refused.
        assertThat(Db.single("SELECT state FROM provider_transaction WHERE provider_transaction_id = ?", transId))
                .isEqualTo("CANCELLED");
        assertThat(uzum("confirm", tx(transId)).getInt("errorCode")).isEqualTo(10015);
        assertThat(uzum("reverse", tx(transId)).getInt("errorCode")).isEqualTo(10017);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("CANCELLED");
    }

    @Test
    void confirmPastThirtyMinutesIsRefused() {
        Api.Booking booking = Api.booking(181_000);
        String order = Api.order(booking, "UZUM");
        String transId = UUID.randomUUID().toString();
        uzum("create", create(transId, order, 181_000));
        clock.advance(Duration.ofMinutes(31));
        assertThat(uzum("confirm", tx(transId)).getInt("errorCode")).isEqualTo(10015);
        assertThat(uzum("status", tx(transId)).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void marketplaceDownIsInternalError() {
        Api.Booking booking = Api.booking(182_000);
        String order = Api.order(booking, "UZUM");
        MarketplaceFake.payableDown(booking.id());
        assertThat(uzum("check", check(order)).getInt("errorCode")).isEqualTo(99999);
        assertThat(uzum("create", create(UUID.randomUUID().toString(), order, 182_000)).getInt("errorCode"))
                .isEqualTo(99999);
    }

    @Test
    void bodySignatureWhenASigningSecretIsConfigured() {
        Api.Booking booking = Api.booking(190_000, SIGNED_SALON);
        String order = Api.order(booking, "UZUM");
        String body = check(order).replace("498", "499");
        String signature = Signatures.hmacSha256Hex("UZUM_HMAC_SECRET", body);
        assertThat(uzum("check", body, "uzum-signed", "uzum-signed-password", null).getInt("errorCode")).isEqualTo(10001);
        assertThat(uzum("check", body, "uzum-signed", "uzum-signed-password", signature.replace('a', 'b'))
                .getInt("errorCode")).isEqualTo(10001);
        assertThat(uzum("check", body + " ", "uzum-signed", "uzum-signed-password", signature)
                .getInt("errorCode")).as("signature over the raw bytes").isEqualTo(10001);
        assertThat(uzum("check", body, "uzum-signed", "uzum-signed-password", signature).getString("status"))
                .isEqualTo("OK");
    }
}
