package uz.aurelle.payments.service;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uz.aurelle.payments.testing.Api.createParams;
import static uz.aurelle.payments.testing.Api.payme;
import static uz.aurelle.payments.testing.Api.paymeId;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.payments.client.ClickMerchantClient;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;

/** Refund decisions from marketplace: Click reversal via the Merchant API fake, Payme via the cabinet. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class RefundFlowTest {

    private StubMapping refundRequests;

    @AfterEach
    void clearRefundRequests() {
        if (refundRequests != null) {
            MarketplaceFake.server().removeStub(refundRequests);
        }
    }

    private void offerRefund(UUID requestId, UUID bookingId, long amount) {
        refundRequests = MarketplaceFake.server().stubFor(get(urlEqualTo("/internal/refund-requests?status=PENDING"))
                .atPriority(1)
                .willReturn(okJson("[{\"id\":\"" + requestId + "\",\"bookingId\":\"" + bookingId + "\",\"amount\":"
                        + amount + ",\"reason\":\"cancelled 48 h ahead\",\"createdAt\":\"2030-01-01T10:00:00Z\"}]")));
    }

    /** A decision for a booking payments never saw: the one a paid booking was rescheduled to. */
    private void offerRefund(UUID requestId, UUID bookingId, UUID originalBookingId, String paymentId, long amount) {
        refundRequests = MarketplaceFake.server().stubFor(get(urlEqualTo("/internal/refund-requests?status=PENDING"))
                .atPriority(1)
                .willReturn(okJson("[{\"id\":\"" + requestId + "\",\"bookingId\":\"" + bookingId
                        + "\",\"originalBookingId\":\"" + originalBookingId + "\",\"paymentId\":"
                        + (paymentId == null ? "null" : "\"" + paymentId + "\"") + ",\"amount\":" + amount
                        + ",\"reason\":\"cancelled 48 h ahead\",\"createdAt\":\"2030-01-01T10:00:00Z\"}]")));
    }

    @Test
    void aRefundForARescheduledBookingFindsThePaymentItNames() {
        Api.Booking booking = Api.booking(640_000);
        String order = Api.order(booking, "CLICK");
        long paydoc = payByClick(order, "6400");
        MarketplaceFake.server().stubFor(delete(urlEqualTo("/click/payment/reversal/12345/" + paydoc))
                .willReturn(okJson("{\"error_code\":0,\"error_note\":\"Success\",\"payment_id\":" + paydoc + "}")));
        UUID requestId = UUID.randomUUID();
        // Neither booking id is the one the order was paid for: only the payment id leads to it.
        offerRefund(requestId, UUID.randomUUID(), UUID.randomUUID(), order, 640_000);

        awaitAck(requestId, "DONE");
        MarketplaceFake.server().verify(postRequestedFor(urlEqualTo("/internal/refund-requests/" + requestId + "/ack"))
                .withRequestBody(matchingJsonPath("$.paymentId", equalTo(order))));
        assertThat(Db.single("SELECT order_id FROM refund WHERE refund_request_id = ?::uuid", requestId.toString())
                .toString()).isEqualTo(order);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundWithoutAPaymentIdIsMatchedByTheFirstBookingOfTheChain() {
        Api.Booking booking = Api.booking(650_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, System.currentTimeMillis(), 650_000, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        UUID requestId = UUID.randomUUID();
        offerRefund(requestId, UUID.randomUUID(), booking.id(), null, 325_000);

        awaitAck(requestId, "ACCEPTED");
        assertThat(Db.single("SELECT order_id || ' ' || state || ' ' || amount FROM refund"
                + " WHERE refund_request_id = ?::uuid", requestId.toString())).isEqualTo(order + " MANUAL 325000");
    }

    private static void awaitAck(UUID requestId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> MarketplaceFake.server().verify(
                postRequestedFor(urlEqualTo("/internal/refund-requests/" + requestId + "/ack"))
                        .withRequestBody(matchingJsonPath("$.status", equalTo(status)))));
    }

    @Test
    void clickRefundGoesThroughTheMerchantApiReversal() {
        Api.Booking booking = Api.booking(600_000);
        String order = Api.order(booking, "CLICK");
        long paydoc = payByClick(order, "6000.00");
        MarketplaceFake.server().stubFor(delete(urlEqualTo("/click/payment/reversal/12345/" + paydoc))
                .willReturn(okJson("{\"error_code\":0,\"error_note\":\"Success\",\"payment_id\":" + paydoc + "}")));
        UUID requestId = UUID.randomUUID();
        offerRefund(requestId, booking.id(), 600_000);

        awaitAck(requestId, "ACCEPTED");
        awaitAck(requestId, "DONE");
        var reversal = MarketplaceFake.server().findAll(deleteRequestedFor(
                urlEqualTo("/click/payment/reversal/12345/" + paydoc)));
        assertThat(reversal).hasSize(1);
        String auth = reversal.get(0).getHeader("Auth");
        String[] parts = auth.split(":");
        assertThat(parts[0]).isEqualTo("777");
        assertThat(parts[1]).isEqualTo(Signatures.sha1Hex(parts[2] + "TEST_SECRET"));
        assertThat(auth).isEqualTo(ClickMerchantClient.authHeader("777", "TEST_SECRET", Long.parseLong(parts[2])));
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("REFUNDED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> MarketplaceFake.server().verify(
                postRequestedFor(urlEqualTo("/internal/bookings/" + booking.id() + "/payment-events"))
                        .withRequestBody(matchingJsonPath("$.type", equalTo("REFUNDED")))));
        // The client and the salon see the refund.
        for (String token : new String[] {TestTokens.client(booking.clientId()), TestTokens.owner(booking.ownerId())}) {
            given().auth().oauth2(token).when().get("/api/payments/" + order + "/refunds")
                    .then().statusCode(200).body("[0].state", org.hamcrest.Matchers.equalTo("DONE"))
                    .body("[0].amount", org.hamcrest.Matchers.equalTo(600_000));
        }
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).when().get("/api/payments/" + order + "/refunds")
                .then().statusCode(403);
    }

    @Test
    void clickRefusalFailsTheRefund() {
        Api.Booking booking = Api.booking(610_000);
        String order = Api.order(booking, "CLICK");
        long paydoc = payByClick(order, "6100");
        MarketplaceFake.server().stubFor(delete(urlEqualTo("/click/payment/reversal/12345/" + paydoc))
                .willReturn(okJson("{\"error_code\":-5017,\"error_note\":\"Payment not found\"}")));
        UUID requestId = UUID.randomUUID();
        offerRefund(requestId, booking.id(), 610_000);
        awaitAck(requestId, "FAILED");
        assertThat(Db.single("SELECT state FROM refund WHERE refund_request_id = ?::uuid", requestId.toString()))
                .isEqualTo("FAILED");
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("PAID");
    }

    @Test
    void paymeRefundWaitsForTheCabinetThenCompletesOnCancel() {
        Api.Booking booking = Api.booking(620_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, System.currentTimeMillis(), 620_000, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        UUID requestId = UUID.randomUUID();
        offerRefund(requestId, booking.id(), 620_000);
        awaitAck(requestId, "ACCEPTED");
        String admin = TestTokens.admin(UUID.randomUUID());
        JsonPath manual = given().auth().oauth2(admin).queryParam("state", "MANUAL")
                .when().get("/api/payments/admin/refunds").then().statusCode(200).extract().jsonPath();
        assertThat(manual.getList("orderId", String.class)).contains(order);

        // The admin cancels in the Payme cabinet; Payme calls CancelTransaction on the performed transaction.
        assertThat(payme("CancelTransaction", "{\"id\":\"" + id + "\",\"reason\":5}").getInt("result.state")).isEqualTo(-2);
        awaitAck(requestId, "DONE");
        assertThat(Db.single("SELECT state FROM refund WHERE refund_request_id = ?::uuid", requestId.toString()))
                .isEqualTo("DONE");
        assertThat(Db.single("SELECT count(*) FROM refund WHERE order_id = ?::uuid", order)).isEqualTo(1L);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> MarketplaceFake.server().verify(
                postRequestedFor(urlEqualTo("/internal/bookings/" + booking.id() + "/payment-events"))
                        .withRequestBody(matchingJsonPath("$.type", equalTo("REFUNDED")))));
    }

    @Test
    void cashRefundIsConfirmedByAnAdmin() {
        Api.Booking booking = Api.booking(630_000);
        String order = given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"CASH\"}")
                .when().post("/api/payments/offline").then().statusCode(201).extract().path("id");
        UUID requestId = UUID.randomUUID();
        offerRefund(requestId, booking.id(), 300_000);
        awaitAck(requestId, "ACCEPTED");
        String refundId = Db.single("SELECT id FROM refund WHERE refund_request_id = ?::uuid", requestId.toString())
                .toString();
        given().auth().oauth2(TestTokens.owner(booking.ownerId())).when()
                .post("/api/payments/admin/refunds/" + refundId + "/done").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).when()
                .post("/api/payments/admin/refunds/" + refundId + "/done").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("DONE"));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).when()
                .post("/api/payments/admin/refunds/" + refundId + "/done").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("refund_not_manual"));
        awaitAck(requestId, "DONE");
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("REFUNDED");
    }

    private static long payByClick(String order, String amount) {
        long transId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("click_trans_id", String.valueOf(transId));
        f.put("service_id", "12345");
        f.put("click_paydoc_id", String.valueOf(transId + 1));
        f.put("merchant_trans_id", order);
        f.put("amount", amount);
        f.put("action", "0");
        f.put("error", "0");
        f.put("sign_time", "2024-03-02 07:50:19");
        f.put("sign_string", ClickService.prepareSignature(f, "TEST_SECRET"));
        long prepareId = given().contentType("application/x-www-form-urlencoded").formParams(f)
                .post("/api/payments/click/prepare").then().statusCode(200).extract().jsonPath().getLong("merchant_prepare_id");
        f.put("action", "1");
        f.put("merchant_prepare_id", String.valueOf(prepareId));
        f.put("sign_string", ClickService.completeSignature(f, "TEST_SECRET"));
        int error = given().contentType("application/x-www-form-urlencoded").formParams(f)
                .post("/api/payments/click/complete").then().statusCode(200).extract().jsonPath().getInt("error");
        assertThat(error).isZero();
        return transId + 1;
    }
}
