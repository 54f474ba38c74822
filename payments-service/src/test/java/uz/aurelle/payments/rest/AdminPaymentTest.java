package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uz.aurelle.payments.testing.Api.createParams;
import static uz.aurelle.payments.testing.Api.payme;
import static uz.aurelle.payments.testing.Api.paymeId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.MarketplaceFake;

/** Admin views over HTTP: filtered lists, a payment's full history, Payme reconciliation. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class AdminPaymentTest {

    private static String admin() {
        return TestTokens.admin(UUID.randomUUID());
    }

    @Test
    void listsFiltersAndShowsHistory() {
        UUID salon = UUID.randomUUID();
        Api.Booking booking = Api.booking(700_000, salon);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        long time = System.currentTimeMillis();
        payme("CreateTransaction", createParams(id, time, 700_000, order));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        Api.order(Api.booking(10_000, salon), "CLICK");

        given().auth().oauth2(admin()).queryParam("salonId", salon).when().get("/api/payments/admin/orders")
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(2));
        given().auth().oauth2(admin()).queryParam("salonId", salon).queryParam("state", "PAID")
                .when().get("/api/payments/admin/orders")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(order))
                .body("items[0].commission", equalTo(10_500));
        given().auth().oauth2(admin()).queryParam("state", "NOPE").when().get("/api/payments/admin/orders")
                .then().statusCode(404);
        given().auth().oauth2(admin()).queryParam("size", 1000).when().get("/api/payments/admin/orders")
                .then().statusCode(400);

        JsonPath history = given().auth().oauth2(admin()).when().get("/api/payments/admin/orders/" + order + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("order.state")).isEqualTo("PAID");
        assertThat(history.getList("transactions.providerTransactionId")).containsExactly(id);
        assertThat(history.getList("webhookCalls.method")).contains("CreateTransaction", "PerformTransaction");
        assertThat(history.getList("events.type")).contains("PAID");
        assertThat(history.getString("webhookCalls[0].requestHeaders")).doesNotContain("Basic ");

        given().auth().oauth2(admin()).when().get("/api/payments/admin/orders/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).body("code", equalTo("payment_not_found"));
        given().auth().oauth2(TestTokens.owner(booking.ownerId())).when().get("/api/payments/admin/orders")
                .then().statusCode(403);
        given().when().get("/api/payments/admin/orders").then().statusCode(401);
    }

    @Test
    void reconcilesAPaymePeriod() {
        UUID salon = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
        long time = System.currentTimeMillis() - 7_200_000L + (System.nanoTime() % 1000);
        Api.Booking booking = Api.booking(55_500, salon);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        Api.paymeRaw("/api/payments/payme/desk2", "DESK2_KEY",
                Api.rpc("CreateTransaction", createParams(id, time, 55_500, order)));
        Api.paymeRaw("/api/payments/payme/desk2", "DESK2_KEY", Api.rpc("PerformTransaction", "{\"id\":\"" + id + "\"}"));

        JsonPath result = given().auth().oauth2(admin()).queryParam("merchant", "desk2").queryParam("from", time)
                .queryParam("to", time).when().get("/api/payments/admin/reconcile/payme")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("statement.id")).contains(id);
        assertThat(result.getLong("performedAmount")).isGreaterThanOrEqualTo(55_500);
        assertThat(result.getList("mismatches")).isEmpty();
        given().auth().oauth2(admin()).queryParam("from", 10).queryParam("to", 5)
                .when().get("/api/payments/admin/reconcile/payme").then().statusCode(400)
                .body("code", equalTo("invalid_period"));
    }
}
