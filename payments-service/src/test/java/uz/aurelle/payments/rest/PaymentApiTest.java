package uz.aurelle.payments.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uz.aurelle.payments.testing.Api.createParams;
import static uz.aurelle.payments.testing.Api.payme;
import static uz.aurelle.payments.testing.Api.paymeId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.MarketplaceFake;

/** Client API: creating payment orders, reading them, recording salon-side payments. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class PaymentApiTest {

    private static String body(UUID bookingId, String provider) {
        return "{\"bookingId\":\"" + bookingId + "\",\"provider\":\"" + provider + "\"}";
    }

    @Test
    void createsAnOrderWithTheMarketplaceAmountAndCheckoutLinks() {
        Api.Booking booking = Api.booking(450_000);
        var response = given().auth().oauth2(TestTokens.client(booking.clientId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"provider\":\"PAYME\",\"amount\":1,\"lang\":\"ru\"}")
                .when().post("/api/payments")
                .then().statusCode(201)
                .extract();
        JsonPath payme = response.jsonPath();
        String id = payme.getString("id");
        assertThat(response.header("Location")).endsWith("/api/payments/" + id);
        given().auth().oauth2(TestTokens.client(booking.clientId())).when().get("/api/payments/" + id)
                .then().statusCode(200).body("state", equalTo("CREATED"));
        assertThat(payme.getLong("amount")).as("never the client's amount").isEqualTo(450_000);
        assertThat(payme.getString("currency")).isEqualTo("UZS");
        assertThat(payme.getString("state")).isEqualTo("CREATED");
        String link = payme.getString("checkoutUrl");
        assertThat(link).startsWith("https://checkout.paycom.uz/");
        assertThat(new String(Base64.getDecoder().decode(link.substring("https://checkout.paycom.uz/".length()))))
                .isEqualTo("m=587f72c72cac0d162c722ae2;ac.order_id=" + id + ";a=450000;l=ru");

        // One open order per booking and provider: asking again returns it.
        given().auth().oauth2(TestTokens.client(booking.clientId())).contentType(ContentType.JSON)
                .body(body(booking.id(), "PAYME")).when().post("/api/payments")
                .then().statusCode(200).body("id", equalTo(id));

        given().auth().oauth2(TestTokens.client(booking.clientId())).contentType(ContentType.JSON)
                .body(body(booking.id(), "CLICK")).when().post("/api/payments")
                .then().statusCode(201)
                .body("checkoutUrl", startsWith("https://my.click.uz/services/pay?service_id=12345&merchant_id=54321"
                        + "&amount=4500.00&transaction_param="));
        given().auth().oauth2(TestTokens.client(booking.clientId())).contentType(ContentType.JSON)
                .body(body(booking.id(), "UZUM")).when().post("/api/payments")
                .then().statusCode(201)
                .body("checkoutUrl", startsWith("https://www.uzumbank.uz/open-service?serviceId=498&order_id="));
    }

    @Test
    void someoneElsesBookingIsForbidden() {
        Api.Booking booking = Api.booking(10_000);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(body(booking.id(), "PAYME")).when().post("/api/payments")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body(body(booking.id(), "PAYME")).when().post("/api/payments").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body(booking.id(), "PAYME")).when().post("/api/payments")
                .then().statusCode(401);
    }

    @Test
    void unpayableBookingsAreConflictsAndBadInputIs400() {
        UUID client = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        MarketplaceFake.booking(paid, client, UUID.randomUUID(), UUID.randomUUID(), 10_000, "CONFIRMED", true, false, false);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(paid, "PAYME"))
                .when().post("/api/payments").then().statusCode(409).body("code", equalTo("booking_already_paid"));
        UUID cancelled = UUID.randomUUID();
        MarketplaceFake.booking(cancelled, client, UUID.randomUUID(), UUID.randomUUID(), 10_000, "CANCELLED", false, false,
                false);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(cancelled, "CLICK"))
                .when().post("/api/payments").then().statusCode(409).body("code", equalTo("booking_not_payable"));
        UUID missing = UUID.randomUUID();
        MarketplaceFake.bookingNotFound(missing);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(missing, "PAYME"))
                .when().post("/api/payments").then().statusCode(404).body("code", equalTo("booking_not_found"));
        UUID down = UUID.randomUUID();
        MarketplaceFake.payableDown(down);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(down, "PAYME"))
                .when().post("/api/payments").then().statusCode(503).body("code", equalTo("marketplace_unavailable"));
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(paid, "CASH"))
                .when().post("/api/payments").then().statusCode(400).body("code", equalTo("unsupported_provider"));
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body(body(paid, "BITCOIN"))
                .when().post("/api/payments").then().statusCode(400);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body("{\"provider\":\"PAYME\"}")
                .when().post("/api/payments").then().statusCode(400);
        given().auth().oauth2(TestTokens.client(client)).contentType(ContentType.JSON).body("{")
                .when().post("/api/payments").then().statusCode(400);
    }

    @Test
    void aPaidBookingCannotBePaidAgain() {
        Api.Booking booking = Api.booking(77_700);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, System.currentTimeMillis(), 77_700, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        // marketplace may not know yet (outbox in flight): our own records already refuse.
        given().auth().oauth2(TestTokens.client(booking.clientId())).contentType(ContentType.JSON)
                .body(body(booking.id(), "CLICK")).when().post("/api/payments")
                .then().statusCode(409).body("code", equalTo("booking_already_paid"));
    }

    @Test
    void paymentsAreVisibleToClientOwnerAndAdminOnly() {
        Api.Booking booking = Api.booking(20_000);
        String order = Api.order(booking, "PAYME");
        for (String token : new String[] {TestTokens.client(booking.clientId()), TestTokens.owner(booking.ownerId()),
                TestTokens.admin(UUID.randomUUID())}) {
            given().auth().oauth2(token).when().get("/api/payments/" + order)
                    .then().statusCode(200).body("id", equalTo(order)).body("bookingId", equalTo(booking.id().toString()));
            given().auth().oauth2(token).queryParam("bookingId", booking.id()).when().get("/api/payments")
                    .then().statusCode(200).body("items[0].id", equalTo(order)).body("total", equalTo(1));
        }
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).when().get("/api/payments/" + order)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.owner(UUID.randomUUID())).queryParam("bookingId", booking.id())
                .when().get("/api/payments").then().statusCode(403);
        given().auth().oauth2(TestTokens.master(booking.ownerId())).when().get("/api/payments/" + order)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.client(booking.clientId())).when().get("/api/payments/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("payment_not_found"));
        given().auth().oauth2(TestTokens.client(booking.clientId())).when().get("/api/payments/not-a-uuid")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.client(booking.clientId())).when().get("/api/payments")
                .then().statusCode(400).body("code", equalTo("booking_id_required"));
        given().when().get("/api/payments/" + order).then().statusCode(401);
    }

    @Test
    void salonOwnerRecordsCashTakenAtTheSalon() {
        Api.Booking booking = Api.booking(80_000);
        given().auth().oauth2(TestTokens.owner(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"CASH\"}")
                .when().post("/api/payments/offline").then().statusCode(403);
        given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"PAYME\"}")
                .when().post("/api/payments/offline").then().statusCode(400);
        JsonPath cash = given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"CASH\"}")
                .when().post("/api/payments/offline").then().statusCode(201).extract().jsonPath();
        assertThat(cash.getString("state")).isEqualTo("PAID");
        assertThat(cash.getString("provider")).isEqualTo("CASH");
        assertThat(cash.getLong("amount")).isEqualTo(80_000);
        assertThat(cash.getLong("commission")).isZero();
        assertThat(cash.getLong("netAmount")).isEqualTo(80_000);
        given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"CARD_AT_SALON\"}")
                .when().post("/api/payments/offline").then().statusCode(409).body("code", equalTo("booking_already_paid"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> MarketplaceFake.server().verify(
                postRequestedFor(urlEqualTo("/internal/bookings/" + booking.id() + "/payment-events"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.provider",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("CASH")))));
    }

    @Test
    void serviceTokenIsFetchedOnceAndCached() {
        Api.booking(1_000);
        Api.order(Api.booking(1_000), "PAYME");
        Api.order(Api.booking(2_000), "CLICK");
        assertThat(MarketplaceFake.server().findAll(postRequestedFor(urlEqualTo("/api/auth/token")))).hasSize(1);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        Api.Booking booking = Api.booking(30_000);
        String key = UUID.randomUUID().toString();
        var first = given().auth().oauth2(TestTokens.client(booking.clientId())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(booking.id(), "PAYME"))
                .when().post("/api/payments").then().statusCode(201).extract();
        var replay = given().auth().oauth2(TestTokens.client(booking.clientId())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(booking.id(), "PAYME"))
                .when().post("/api/payments").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        given().auth().oauth2(TestTokens.client(booking.clientId())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(booking.id(), "CLICK"))
                .when().post("/api/payments").then().statusCode(422).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void paidOrdersAreInTheAuditLog() {
        Api.Booking booking = Api.booking(81_000);
        String order = given().auth().oauth2(TestTokens.owner(booking.ownerId())).contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"method\":\"CARD_AT_SALON\"}")
                .when().post("/api/payments/offline").then().statusCode(201).extract().path("id");
        var rows = uz.aurelle.payments.testing.Db.query(
                "SELECT action, actor_type, actor_id FROM audit_log WHERE target_id = ?", order);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action")).isEqualTo("payment.paid");
        assertThat(rows.get(0).get("actor_id")).isEqualTo(booking.ownerId().toString());
    }
}
