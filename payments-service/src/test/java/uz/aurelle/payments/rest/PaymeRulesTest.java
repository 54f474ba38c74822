package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.service.TimeoutSweeper;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;
import uz.aurelle.payments.testing.TestClock;

/** Payme rules beyond the sandbox: RPC errors, credentials, 12 hours, duplicates, merchants, statement. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class PaymeRulesTest {

    private static final long TWELVE_HOURS = 43_200_000L;

    @Inject
    TestClock clock;

    @Inject
    TimeoutSweeper sweeper;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rpcEnvelopeErrorsAreHttp200WithPaymeCodes() {
        JsonPath parse = new JsonPath(paymeRaw("{not json"));
        assertThat(parse.getInt("error.code")).isEqualTo(-32700);
        JsonPath noMethod = new JsonPath(paymeRaw("{\"params\":{},\"id\":5}"));
        assertThat(noMethod.getInt("error.code")).isEqualTo(-32600);
        assertThat(noMethod.getInt("id")).isEqualTo(5);
        assertThat(new JsonPath(paymeRaw("{\"method\":\"CheckTransaction\",\"params\":[],\"id\":6}"))
                .getInt("error.code")).isEqualTo(-32600);
        assertThat(new JsonPath(paymeRaw("{\"method\":\"CheckTransaction\",\"params\":{},\"id\":\"x\"}"))
                .getInt("error.code")).isEqualTo(-32600);
        JsonPath unknown = payme("Refund", "{}");
        assertThat(unknown.getInt("error.code")).isEqualTo(-32601);
        assertThat(unknown.getString("error.data")).isEqualTo("Refund");
        assertThat(unknown.getString("error.message.uz")).isNotBlank();
        assertThat(unknown.getString("error.message.en")).isEqualTo("Method not found");
        // Missing or ill-typed fields of a known method.
        assertThat(payme("PerformTransaction", "{}").getInt("error.code")).isEqualTo(-32600);
        assertThat(payme("CancelTransaction", "{\"id\":\"" + paymeId() + "\"}").getInt("error.code"))
                .isEqualTo(-32600);
        assertThat(payme("GetStatement", "{\"from\":1}").getInt("error.code")).isEqualTo(-32600);
        assertThat(payme("CheckPerformTransaction", "{\"amount\":\"500\",\"account\":{}}").getInt("error.code"))
                .isEqualTo(-31001);
        assertThat(payme("CheckPerformTransaction", "{\"amount\":500,\"account\":{\"order_id\":\"197\"}}")
                .getInt("error.code")).isEqualTo(-31050);
        // Unknown transactions.
        assertThat(payme("CheckTransaction", "{\"id\":\"" + paymeId() + "\"}").getInt("error.code")).isEqualTo(-31003);
        assertThat(payme("PerformTransaction", "{\"id\":\"" + paymeId() + "\"}").getInt("error.code")).isEqualTo(-31003);
        assertThat(payme("CancelTransaction", "{\"id\":\"" + paymeId() + "\",\"reason\":1}").getInt("error.code"))
                .isEqualTo(-31003);
        // Non-POST → -32300, HTTP 200.
        for (String path : new String[] {"/api/payments/payme", "/api/payments/payme/desk2"}) {
            assertThat(new JsonPath(given().when().get(path).then().statusCode(200).contentType(ContentType.JSON)
                    .extract().asString()).getInt("error.code")).isEqualTo(-32300);
            assertThat(new JsonPath(given().when().put(path).then().statusCode(200).extract().asString())
                    .getInt("error.code")).isEqualTo(-32300);
        }
        // text/json is accepted like application/json.
        String body = given().auth().preemptive().basic("Paycom", Api.PAYME_KEY).contentType("text/json")
                .body(rpc("CheckTransaction", "{\"id\":\"" + paymeId() + "\"}"))
                .when().post("/api/payments/payme").then().statusCode(200).extract().asString();
        assertThat(new JsonPath(body).getInt("error.code")).isEqualTo(-31003);
    }

    @Test
    void credentialTamperingIsRefusedWithHttp200() {
        String request = rpc("CheckTransaction", "{\"id\":\"" + paymeId() + "\"}");
        for (String header : new String[] {
                null,
                "Basic " + b64("Paycom:TEST_KE"),
                "Basic " + b64("Paycom:TEST_KEYX"),
                "Basic " + b64("paycom:TEST_KEY"),
                "Basic " + b64("Paycom:DESK2_KEY") + "x",
                "Basic !!!",
                "Bearer " + uz.aurelle.common.testing.TestTokens.admin(UUID.randomUUID()),
                "Bearer not-a-jwt"}) {
            var spec = given().contentType(ContentType.JSON).body(request);
            if (header != null) {
                spec = spec.header("Authorization", header);
            }
            String answer = spec.when().post("/api/payments/payme").then().statusCode(200).extract().asString();
            assertThat(new JsonPath(answer).getInt("error.code")).as(String.valueOf(header)).isEqualTo(-32504);
        }
        // A key is only valid on its own cash desk's path.
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/desk2", "TEST_KEY", request)).getInt("error.code"))
                .isEqualTo(-32504);
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/nope", "TEST_KEY", request)).getInt("error.code"))
                .isEqualTo(-32504);
        // The stored call keeps no credential.
        List<?> headers = Db.query("SELECT request_headers FROM webhook_call WHERE request_body = ?", request);
        assertThat(headers).isNotEmpty();
        assertThat(headers.toString()).doesNotContain(b64("Paycom:TEST_KE")).contains("[redacted]");
    }

    @Test
    void merchantsAreSeparatedByPathAndKey() {
        Api.Booking booking = Api.booking(70_000, UUID.fromString("00000000-0000-0000-0000-0000000000d2"));
        String order = Api.order(booking, "PAYME");
        String check = rpc("CheckPerformTransaction", "{\"amount\":70000,\"account\":" + account(order) + "}");
        // The default desk does not know desk2's orders.
        assertThat(new JsonPath(paymeRaw(check)).getInt("error.code")).isEqualTo(-31050);
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/desk2", "DESK2_KEY", check)).getBoolean("result.allow"))
                .isTrue();
        // Without a path, the key identifies the desk.
        assertThat(new JsonPath(paymeRaw("/api/payments/payme", "DESK2_KEY", check)).getBoolean("result.allow"))
                .isTrue();
        String link = given().auth().oauth2(uz.aurelle.common.testing.TestTokens.client(booking.clientId()))
                .when().get("/api/payments/" + order).then().statusCode(200).extract().path("checkoutUrl");
        assertThat(new String(java.util.Base64.getDecoder().decode(link.substring(link.lastIndexOf('/') + 1))))
                .startsWith("m=desk2-merchant;ac.order_id=" + order + ";a=70000");
    }

    @Test
    void twelveHourTimeoutCancelsWithReasonFour() {
        Api.Booking booking = Api.booking(90_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        long time = clock.millis();
        assertThat(payme("CreateTransaction", createParams(id, time, 90_000, order)).getInt("result.state"))
                .isEqualTo(1);
        clock.advance(Duration.ofMillis(TWELVE_HOURS - 1000));
        assertThat(payme("CheckTransaction", "{\"id\":\"" + id + "\"}").getInt("result.state")).isEqualTo(1);
        clock.advance(Duration.ofMillis(1001));
        assertThat(payme("PerformTransaction", "{\"id\":\"" + id + "\"}").getInt("error.code")).isEqualTo(-31008);
        JsonPath checked = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(checked.getInt("result.state")).isEqualTo(-1);
        assertThat(checked.getInt("result.reason")).isEqualTo(4);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("CANCELLED");
        // A repeated Create after the timeout → -31008 too; the state stays.
        assertThat(payme("CreateTransaction", createParams(id, time, 90_000, order)).getInt("error.code"))
                .isEqualTo(-31008);
    }

    @Test
    void repeatedCreatePastTwelveHoursCancelsAndRefuses() {
        Api.Booking booking = Api.booking(91_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        long time = clock.millis();
        payme("CreateTransaction", createParams(id, time, 91_000, order));
        clock.advance(Duration.ofMillis(TWELVE_HOURS + 1));
        assertThat(payme("CreateTransaction", createParams(id, time, 91_000, order)).getInt("error.code"))
                .isEqualTo(-31008);
        JsonPath checked = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(checked.getInt("result.state")).isEqualTo(-1);
        assertThat(checked.getInt("result.reason")).isEqualTo(4);
    }

    @Test
    void newTransactionOlderThanTwelveHoursIsRefused() {
        Api.Booking booking = Api.booking(92_000);
        String order = Api.order(booking, "PAYME");
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis() - TWELVE_HOURS - 1, 92_000, order))
                .getInt("error.code")).isEqualTo(-31008);
        // Still payable with a fresh transaction.
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 92_000, order))
                .getInt("result.state")).isEqualTo(1);
    }

    @Test
    void sweeperCancelsForgottenTransactions() throws Throwable {
        Api.Booking booking = Api.booking(93_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 93_000, order));
        clock.advance(Duration.ofHours(13));
        assertThat(io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep())).isPositive();
        JsonPath checked = payme("CheckTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(checked.getInt("result.state")).isEqualTo(-1);
        assertThat(checked.getInt("result.reason")).isEqualTo(4);
    }

    @Test
    void amountOffByOneTiyinIsRefused() {
        Api.Booking booking = Api.booking(100_000);
        String order = Api.order(booking, "PAYME");
        for (long amount : new long[] {99_999, 100_001}) {
            assertThat(payme("CheckPerformTransaction", "{\"amount\":" + amount + ",\"account\":" + account(order) + "}")
                    .getInt("error.code")).isEqualTo(-31001);
            assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), amount, order))
                    .getInt("error.code")).isEqualTo(-31001);
        }
        assertThat(payme("CheckPerformTransaction", "{\"amount\":100000.5,\"account\":" + account(order) + "}")
                .getInt("error.code")).isEqualTo(-31001);
    }

    @Test
    void marketplaceDownDuringCheckIsSystemErrorNeverAllow() {
        Api.Booking booking = Api.booking(55_000);
        String order = Api.order(booking, "PAYME");
        MarketplaceFake.payableDown(booking.id());
        assertThat(payme("CheckPerformTransaction", "{\"amount\":55000,\"account\":" + account(order) + "}")
                .getInt("error.code")).isEqualTo(-32400);
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 55_000, order))
                .getInt("error.code")).isEqualTo(-32400);
        assertThat(Db.single("SELECT count(*) FROM provider_transaction WHERE order_id = ?::uuid", order))
                .isEqualTo(0L);
    }

    @Test
    void bookingNoLongerPayableOrHoldRefusedIsMinus31008() {
        Api.Booking booking = Api.booking(56_000);
        String order = Api.order(booking, "PAYME");
        MarketplaceFake.holdRefused(booking.id());
        assertThat(payme("CreateTransaction", createParams(paymeId(), clock.millis(), 56_000, order))
                .getInt("error.code")).isEqualTo(-31008);
        MarketplaceFake.booking(booking.id(), booking.clientId(), booking.salonId(), booking.ownerId(), 56_000,
                "CANCELLED", false, false, false);
        assertThat(payme("CheckPerformTransaction", "{\"amount\":56000,\"account\":" + account(order) + "}")
                .getInt("error.code")).isEqualTo(-31008);
    }

    @Test
    void cancelOfDeliveredServiceIsMinus31007() {
        Api.Booking booking = Api.booking(57_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 57_000, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        MarketplaceFake.booking(booking.id(), booking.clientId(), booking.salonId(), booking.ownerId(), 57_000,
                "COMPLETED", true, false, true);
        assertThat(payme("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}").getInt("error.code"))
                .isEqualTo(-31007);
        assertThat(payme("CheckTransaction", "{\"id\":\"" + id + "\"}").getInt("result.state")).isEqualTo(2);
        // marketplace unreachable: never a guess either way.
        MarketplaceFake.payableDown(booking.id());
        assertThat(payme("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}").getInt("error.code"))
                .isEqualTo(-32400);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("PAID");
    }

    @Test
    void concurrentDuplicatesHaveOneEffectAndIdenticalAnswers() throws Exception {
        Api.Booking booking = Api.booking(140_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        long time = clock.millis();
        List<String> creates = parallel(8, () -> paymeRaw(rpc("CreateTransaction", createParams(id, time, 140_000, order))));
        assertThat(creates).allSatisfy(answer -> assertThat(resultOf(answer)).isEqualTo(resultOf(creates.get(0))));
        assertThat(new JsonPath(creates.get(0)).getInt("result.state")).isEqualTo(1);
        List<String> performs = parallel(8, () -> paymeRaw(rpc("PerformTransaction", "{\"id\":\"" + id + "\"}")));
        assertThat(performs).allSatisfy(answer -> assertThat(resultOf(answer)).isEqualTo(resultOf(performs.get(0))));
        assertThat(new JsonPath(performs.get(0)).getInt("result.state")).isEqualTo(2);
        assertThat(Db.single("SELECT count(*) FROM provider_transaction WHERE order_id = ?::uuid", order)).isEqualTo(1L);
        assertThat(Db.single("SELECT count(*) FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'", order))
                .isEqualTo(1L);
        // Concurrent Creates with different ids for one order: exactly one wins.
        Api.Booking other = Api.booking(141_000);
        String otherOrder = Api.order(other, "PAYME");
        List<String> racing = parallel(6, () -> paymeRaw(rpc("CreateTransaction",
                createParams(paymeId(), clock.millis(), 141_000, otherOrder))));
        assertThat(racing.stream().filter(a -> a.contains("\"result\"")).count()).isEqualTo(1);
        assertThat(racing.stream().filter(a -> a.contains("-31008")).count()).isEqualTo(5);
    }

    @Test
    void paidOrderGetsCommissionAndNetAndPaidEventReachesMarketplace() {
        Api.Booking booking = Api.booking(333_333);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 333_333, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        var payment = given().auth().oauth2(uz.aurelle.common.testing.TestTokens.owner(booking.ownerId()))
                .when().get("/api/payments/" + order).then().statusCode(200).extract().jsonPath();
        assertThat(payment.getString("state")).isEqualTo("PAID");
        // 150 bps of 333 333 = 4 999.995 → floor 4 999; the salon keeps the fraction.
        assertThat(payment.getLong("commission")).isEqualTo(4_999);
        assertThat(payment.getLong("netAmount")).isEqualTo(328_334);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                MarketplaceFake.server().verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                        "/internal/bookings/" + booking.id() + "/payment-events"))
                        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                "Bearer " + uz.aurelle.payments.testing.TestServiceToken.TOKEN))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PAID")))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.amount", com.github.tomakehurst.wiremock.client.WireMock.equalTo("333333")))));
    }

    @Test
    void getStatementListsByPaymeTimeInclusiveAscending() {
        UUID salon = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
        long base = clock.millis() - 3_600_000L - (System.nanoTime() % 1000);
        List<String> ids = new ArrayList<>();
        // Created in reverse time order, to prove ascending order by Payme time rather than insertion.
        for (int i = 2; i >= 0; i--) {
            Api.Booking booking = Api.booking(10_000 + i, salon);
            String order = Api.order(booking, "PAYME");
            String id = paymeId();
            ids.add(0, id);
            paymeRaw("/api/payments/payme/desk2", "DESK2_KEY",
                    rpc("CreateTransaction", createParams(id, base + i * 1000L, 10_000 + i, order)));
        }
        String answer = paymeRaw("/api/payments/payme/desk2", "DESK2_KEY",
                rpc("GetStatement", "{\"from\":" + base + ",\"to\":" + (base + 1000) + "}"));
        JsonPath statement = new JsonPath(answer);
        List<String> listed = statement.getList("result.transactions.id");
        assertThat(listed).containsSubsequence(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        assertThat(statement.getLong("result.transactions.find { it.id == '" + ids.get(0) + "' }.time")).isEqualTo(base);
        assertThat(statement.getInt("result.transactions.find { it.id == '" + ids.get(1) + "' }.state")).isEqualTo(1);
        // The default desk sees none of desk2's transactions.
        String other = paymeRaw(rpc("GetStatement", "{\"from\":" + base + ",\"to\":" + (base + 2000) + "}"));
        assertThat(other).doesNotContain(ids.get(0));
    }

    @Test
    void setFiscalDataIsStored() {
        Api.Booking booking = Api.booking(58_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 58_000, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        String fiscal = "{\"receipt_id\":77,\"status_code\":0,\"message\":\"OK\",\"terminal_id\":\"EP0001\","
                + "\"fiscal_sign\":\"123\",\"qr_code_url\":\"https://ofd.soliq.uz/check?t=1\",\"date\":\"20240302075019\"}";
        assertThat(payme("SetFiscalData", "{\"id\":\"" + id + "\",\"type\":\"PERFORM\",\"fiscal_data\":" + fiscal + "}")
                .getBoolean("result.success")).isTrue();
        assertThat((String) Db.single("SELECT fiscal_perform FROM provider_transaction WHERE provider_transaction_id = ?", id))
                .contains("EP0001");
        assertThat(payme("SetFiscalData", "{\"id\":\"" + id + "\",\"type\":\"OTHER\",\"fiscal_data\":" + fiscal + "}")
                .getInt("error.code")).isEqualTo(-32600);
        assertThat(payme("SetFiscalData", "{\"id\":\"" + paymeId() + "\",\"type\":\"CANCEL\",\"fiscal_data\":" + fiscal + "}")
                .getInt("error.code")).isEqualTo(-31003);
    }

    @Test
    void changePasswordReplacesTheKey() {
        String check = rpc("CheckTransaction", "{\"id\":\"" + paymeId() + "\"}");
        String oldKey = currentDesk3Key();
        String newKey = "NEW-" + UUID.randomUUID();
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/desk3", oldKey,
                rpc("ChangePassword", "{\"password\":\"" + newKey + "\"}"))).getBoolean("result.success")).isTrue();
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/desk3", oldKey, check)).getInt("error.code"))
                .isEqualTo(-32504);
        assertThat(new JsonPath(paymeRaw("/api/payments/payme/desk3", newKey, check)).getInt("error.code"))
                .isEqualTo(-31003);
        assertThat(Db.query("SELECT request_body FROM webhook_call WHERE method = 'ChangePassword'").toString())
                .doesNotContain(newKey);
    }

    /** desk3's key is whatever an earlier run set (the test database is kept between runs). */
    private static String currentDesk3Key() {
        String check = rpc("CheckTransaction", "{\"id\":\"x\"}");
        if (new JsonPath(paymeRaw("/api/payments/payme/desk3", "DESK3_KEY", check)).getInt("error.code") != -32504) {
            return "DESK3_KEY";
        }
        Db.query("DELETE FROM payme_key_override WHERE merchant = 'desk3'");
        return "DESK3_KEY";
    }

    private static List<String> parallel(int n, Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
