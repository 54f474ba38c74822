package uz.aurelle.payments.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.aurelle.payments.testing.Api.account;
import static uz.aurelle.payments.testing.Api.createParams;
import static uz.aurelle.payments.testing.Api.payme;
import static uz.aurelle.payments.testing.Api.paymeId;
import static uz.aurelle.payments.testing.Api.paymeRaw;
import static uz.aurelle.payments.testing.Api.resultOf;
import static uz.aurelle.payments.testing.Api.rpc;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.MarketplaceFake;
import uz.aurelle.payments.testing.TestClock;

/** Payme's published sandbox scenarios, end to end over HTTP against PostgreSQL and the marketplace fake. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class PaymeSandboxTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void scenarioOneCreateRepeatCheckNewIdCancelRepeat() {
        Api.Booking booking = Api.booking(500_000);
        String order = Api.order(booking, "PAYME");

        // Wrong credentials on every method → -32504, still HTTP 200.
        for (String method : new String[] {"CheckPerformTransaction", "CreateTransaction", "PerformTransaction",
                "CancelTransaction", "CheckTransaction", "GetStatement", "SetFiscalData", "ChangePassword"}) {
            JsonPath denied = new JsonPath(paymeRaw("/api/payments/payme", "WRONG_KEY",
                    rpc(method, "{\"amount\":500000,\"account\":" + account(order) + "}")));
            assertThat(denied.getInt("error.code")).as(method).isEqualTo(-32504);
            assertThat(denied.getString("error.message.ru")).isNotBlank();
        }
        // Wrong amount → -31001; unknown order → -31050 with data order_id.
        assertThat(payme("CheckPerformTransaction", "{\"amount\":499999,\"account\":" + account(order) + "}")
                .getInt("error.code")).isEqualTo(-31001);
        JsonPath unknown = payme("CheckPerformTransaction",
                "{\"amount\":500000,\"account\":" + account(UUID.randomUUID().toString()) + "}");
        assertThat(unknown.getInt("error.code")).isEqualTo(-31050);
        assertThat(unknown.getString("error.data")).isEqualTo("order_id");
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 500_001, order))
                .getInt("error.code")).isEqualTo(-31001);
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 500_000,
                UUID.randomUUID().toString())).getInt("error.code")).isEqualTo(-31050);

        // Valid check → allow with the fiscal detail (IKPU from the booking's services).
        JsonPath check = payme("CheckPerformTransaction", "{\"amount\":500000,\"account\":" + account(order) + "}");
        assertThat(check.getBoolean("result.allow")).isTrue();
        assertThat(check.getString("result.detail.items[0].code")).isEqualTo("10305008003000000");
        assertThat(check.getLong("result.detail.items[0].price")).isEqualTo(500_000);
        assertThat(check.getInt("result.detail.receipt_type")).isZero();

        String id = paymeId();
        long time = clock.millis();
        String first = paymeRaw(rpc("CreateTransaction", createParams(id, time, 500_000, order)));
        JsonPath created = new JsonPath(first);
        assertThat(created.getInt("result.state")).isEqualTo(1);
        assertThat(created.getString("result.transaction")).isNotBlank();
        clock.advance(java.time.Duration.ofSeconds(5));
        String repeat = paymeRaw(rpc("CreateTransaction", createParams(id, time, 500_000, order)));
        assertThat(resultOf(repeat)).isEqualTo(resultOf(first));

        JsonPath checked = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(checked.getInt("result.state")).isEqualTo(1);
        assertThat(checked.getLong("result.create_time")).isEqualTo(created.getLong("result.create_time"));
        assertThat(checked.getLong("result.perform_time")).isZero();
        assertThat(checked.getLong("result.cancel_time")).isZero();
        assertThat((Object) checked.get("result.reason")).isNull();

        // The order holds an active transaction: a new Payme id for it → -31008.
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 500_000, order))
                .getInt("error.code")).isEqualTo(-31008);

        String cancel = paymeRaw(rpc("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":3}"));
        assertThat(new JsonPath(cancel).getInt("result.state")).isEqualTo(-1);
        clock.advance(java.time.Duration.ofSeconds(5));
        String cancelAgain = paymeRaw(rpc("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}"));
        assertThat(resultOf(cancelAgain)).isEqualTo(resultOf(cancel));

        JsonPath afterCancel = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(afterCancel.getInt("result.state")).isEqualTo(-1);
        assertThat(afterCancel.getInt("result.reason")).as("reason unchanged by the repeat").isEqualTo(3);
        assertThat(afterCancel.getLong("result.cancel_time")).isEqualTo(new JsonPath(cancel).getLong("result.cancel_time"));
        // A cancelled transaction can never be performed, and the order is no longer payable.
        assertThat(payme("PerformTransaction", "{\"id\":\"" + id + "\"}").getInt("error.code")).isEqualTo(-31008);
        assertThat(payme("CheckPerformTransaction", "{\"amount\":500000,\"account\":" + account(order) + "}")
                .getInt("error.code")).isEqualTo(-31008);
        // The slot hold extension is released through the outbox.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                MarketplaceFake.server().verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/internal/bookings/" + booking.id() + "/hold"))));
    }

    @Test
    void scenarioTwoPerformRepeatCancelPerformed() {
        Api.Booking booking = Api.booking(120_000);
        String order = Api.order(booking, "PAYME");
        assertThat(payme("CheckPerformTransaction", "{\"amount\":120000,\"account\":" + account(order) + "}")
                .getBoolean("result.allow")).isTrue();
        String id = paymeId();
        long time = clock.millis();
        String created = paymeRaw(rpc("CreateTransaction", createParams(id, time, 120_000, order)));
        assertThat(resultOf(paymeRaw(rpc("CreateTransaction", createParams(id, time, 120_000, order)))))
                .isEqualTo(resultOf(created));
        assertThat(payme("CheckTransaction", "{\"id\":\"" + id + "\"}").getInt("result.state")).isEqualTo(1);
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 120_000, order))
                .getInt("error.code")).isEqualTo(-31008);

        String performed = paymeRaw(rpc("PerformTransaction", "{\"id\":\"" + id + "\"}"));
        assertThat(new JsonPath(performed).getInt("result.state")).isEqualTo(2);
        assertThat(new JsonPath(performed).getString("result.transaction"))
                .isEqualTo(new JsonPath(created).getString("result.transaction"));
        clock.advance(java.time.Duration.ofSeconds(7));
        assertThat(resultOf(paymeRaw(rpc("PerformTransaction", "{\"id\":\"" + id + "\"}"))))
                .as("perform_time is never recomputed").isEqualTo(resultOf(performed));
        // Paid: a repeated Create for the performed id and any new id are refused.
        assertThat(payme("CreateTransaction", createParams(id, time, 120_000, order)).getInt("error.code"))
                .isEqualTo(-31008);
        JsonPath checked = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(checked.getInt("result.state")).isEqualTo(2);
        assertThat(checked.getLong("result.perform_time")).isEqualTo(new JsonPath(performed).getLong("result.perform_time"));

        String cancelled = paymeRaw(rpc("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}"));
        assertThat(new JsonPath(cancelled).getInt("result.state")).isEqualTo(-2);
        assertThat(resultOf(paymeRaw(rpc("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}"))))
                .isEqualTo(resultOf(cancelled));
        JsonPath afterCancel = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(afterCancel.getInt("result.state")).isEqualTo(-2);
        assertThat(afterCancel.getInt("result.reason")).isEqualTo(5);
        assertThat(afterCancel.getLong("result.perform_time")).isPositive();
    }
}
