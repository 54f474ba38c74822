package uz.aurelle.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.service.ClickService;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;

/** Click SHOP API Prepare/Complete against the real service, signed like Click signs. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class ClickTest {

    private static final String SECRET = "TEST_SECRET";
    private static final String SIGN_TIME = "2024-03-02 07:50:19";

    @Test
    void signatureVectorsFromTheProtocolDocument() {
        Map<String, String> f = new LinkedHashMap<>(Map.of("click_trans_id", "2148211", "service_id", "12345",
                "merchant_trans_id", "197", "amount", "50000.00", "action", "0", "sign_time", SIGN_TIME));
        assertThat(ClickService.prepareSignature(f, SECRET)).isEqualTo("fae873d83d5ba0ab88b432ecc931a76f");
        f.put("amount", "50000");
        assertThat(ClickService.prepareSignature(f, SECRET)).isEqualTo("59077b8c6027524c2671fcf87f8d4a0d");
        f.put("amount", "50000.00");
        f.put("action", "1");
        f.put("merchant_prepare_id", "101");
        assertThat(ClickService.completeSignature(f, SECRET)).isEqualTo("c3b572cb28d4819bcaa13da6660fdc74");
    }

    @Test
    void vectorRequestPassesTheSignatureCheckAndTamperingFails() {
        Map<String, String> f = new LinkedHashMap<>(Map.of("click_trans_id", "2148211", "service_id", "12345",
                "click_paydoc_id", "1", "merchant_trans_id", "197", "amount", "50000.00", "action", "0",
                "error", "0", "error_note", "Success", "sign_time", SIGN_TIME));
        f.put("sign_string", "fae873d83d5ba0ab88b432ecc931a76f");
        assertThat(click("prepare", f).getInt("error")).as("signature ok, order 197 unknown").isEqualTo(-5);
        f.put("sign_string", "FAE873D83D5BA0AB88B432ECC931A76F");
        assertThat(click("prepare", f).getInt("error")).as("hex is case-insensitive").isEqualTo(-5);
        // The amount is hashed exactly as sent: "50000" with the "50000.00" signature fails.
        f.put("amount", "50000");
        JsonPath tampered = click("prepare", f);
        assertThat(tampered.getInt("error")).isEqualTo(-1);
        assertThat(tampered.getString("error_note")).isEqualTo("SIGN CHECK FAILED!");
        f.put("amount", "50000.00");
        f.put("sign_string", "00000000000000000000000000000000");
        assertThat(click("prepare", f).getInt("error")).isEqualTo(-1);
    }

    @Test
    void prepareThenCompletePaysTheBooking() {
        Api.Booking booking = Api.booking(5_000_000);
        String order = Api.order(booking, "CLICK");
        long transId = transId();
        JsonPath prepared = click("prepare", prepare(transId, order, "50000"));
        assertThat(prepared.getInt("error")).isZero();
        assertThat(prepared.getString("error_note")).isEqualTo("Success");
        assertThat(prepared.getLong("click_trans_id")).isEqualTo(transId);
        assertThat(prepared.getString("merchant_trans_id")).isEqualTo(order);
        long prepareId = prepared.getLong("merchant_prepare_id");
        // Repeated Prepare → the same merchant_prepare_id.
        assertThat(click("prepare", prepare(transId, order, "50000")).getLong("merchant_prepare_id")).isEqualTo(prepareId);

        JsonPath completed = click("complete", complete(transId, order, "50000.00", prepareId, 0));
        assertThat(completed.getInt("error")).isZero();
        assertThat(completed.getLong("merchant_confirm_id")).isPositive();
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("PAID");
        // Repeated successful Complete → -4, never 0 again; a late Click error on a confirmed payment → -4 (default).
        assertThat(click("complete", complete(transId, order, "50000.00", prepareId, 0)).getInt("error")).isEqualTo(-4);
        assertThat(click("complete", complete(transId, order, "50000.00", prepareId, -5017)).getInt("error"))
                .isEqualTo(-4);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("PAID");
        assertThat(click("prepare", prepare(transId(), order, "50000")).getInt("error")).isEqualTo(-4);
        assertThat(Db.single("SELECT count(*) FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'", order))
                .isEqualTo(1L);
    }

    @Test
    void amountsAreExactTiyin() {
        Api.Booking booking = Api.booking(5_000_000);
        String order = Api.order(booking, "CLICK");
        for (String amount : new String[] {"49999.99", "50000.01", "50000.001", "abc", "-50000", "5e4x"}) {
            assertThat(click("prepare", prepare(transId(), order, amount)).getInt("error")).as(amount).isEqualTo(-2);
        }
        assertThat(click("prepare", prepare(transId(), order, "50000.0")).getInt("error")).isZero();
    }

    @Test
    void requestErrors() {
        Api.Booking booking = Api.booking(300_000);
        String order = Api.order(booking, "CLICK");
        Map<String, String> missing = prepare(transId(), order, "3000");
        missing.remove("sign_time");
        assertThat(click("prepare", missing).getInt("error")).isEqualTo(-8);
        Map<String, String> badId = prepare(transId(), order, "3000");
        badId.put("click_trans_id", "x1");
        assertThat(click("prepare", badId).getInt("error")).isEqualTo(-8);
        Map<String, String> otherService = prepare(transId(), order, "3000");
        otherService.put("service_id", "99999");
        assertThat(click("prepare", otherService).getInt("error")).isEqualTo(-8);
        assertThat(given().contentType("application/x-www-form-urlencoded").body("%%%")
                .post("/api/payments/click/prepare").then().statusCode(200).extract().jsonPath().getInt("error"))
                .isEqualTo(-8);
        assertThat(given().contentType("application/json").body("{}")
                .post("/api/payments/click/complete").then().statusCode(200).extract().jsonPath().getInt("error"))
                .isEqualTo(-8);
        // Action must match the endpoint (signed, so it is not a signature failure).
        Map<String, String> wrongAction = prepare(transId(), order, "3000");
        wrongAction.put("action", "1");
        sign(wrongAction, false);
        assertThat(click("prepare", wrongAction).getInt("error")).isEqualTo(-3);
        assertThat(click("prepare", prepare(transId(), java.util.UUID.randomUUID().toString(), "3000")).getInt("error"))
                .isEqualTo(-5);
        // Complete with an unknown or foreign merchant_prepare_id → -6.
        long transId = transId();
        long prepareId = click("prepare", prepare(transId, order, "3000")).getLong("merchant_prepare_id");
        assertThat(click("complete", complete(transId, order, "3000", 999_999_999L, 0)).getInt("error")).isEqualTo(-6);
        Api.Booking other = Api.booking(300_000);
        String otherOrder = Api.order(other, "CLICK");
        assertThat(click("complete", complete(transId, otherOrder, "3000", prepareId, 0)).getInt("error")).isEqualTo(-6);
        assertThat(click("complete", complete(transId() , order, "3000", prepareId, 0)).getInt("error")).isEqualTo(-6);
    }

    @Test
    void clickErrorCancelsOurSide() {
        Api.Booking booking = Api.booking(400_000);
        String order = Api.order(booking, "CLICK");
        long transId = transId();
        long prepareId = click("prepare", prepare(transId, order, "4000")).getLong("merchant_prepare_id");
        JsonPath cancelled = click("complete", complete(transId, order, "4000", prepareId, -5017));
        assertThat(cancelled.getInt("error")).isEqualTo(-9);
        assertThat(cancelled.getString("error_note")).isEqualTo("Transaction cancelled");
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("CANCELLED");
        // Anything on a cancelled payment → -9; it is never paid afterwards.
        assertThat(click("complete", complete(transId, order, "4000", prepareId, 0)).getInt("error")).isEqualTo(-9);
        assertThat(click("prepare", prepare(transId(), order, "4000")).getInt("error")).isEqualTo(-9);
        assertThat(Db.single("SELECT state FROM payment_order WHERE id = ?::uuid", order)).isEqualTo("CANCELLED");
    }

    @Test
    void concurrentCompletesPayOnce() throws Exception {
        Api.Booking booking = Api.booking(420_000);
        String order = Api.order(booking, "CLICK");
        long transId = transId();
        long prepareId = click("prepare", prepare(transId, order, "4200")).getLong("merchant_prepare_id");
        Map<String, String> complete = complete(transId, order, "4200", prepareId, 0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> click("complete", complete).getInt("error")));
            }
            var results = new java.util.ArrayList<Integer>();
            for (var f : futures) {
                results.add(f.get());
            }
            assertThat(results).containsOnly(0, -4);
            assertThat(results.stream().filter(e -> e == 0).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.single("SELECT count(*) FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'", order))
                .isEqualTo(1L);
    }

    @Test
    void marketplaceDownDuringPrepareIsMinus7() {
        Api.Booking booking = Api.booking(410_000);
        String order = Api.order(booking, "CLICK");
        MarketplaceFake.payableDown(booking.id());
        assertThat(click("prepare", prepare(transId(), order, "4100")).getInt("error")).isEqualTo(-7);
        assertThat(Db.single("SELECT count(*) FROM provider_transaction WHERE order_id = ?::uuid", order)).isEqualTo(0L);
    }

    // ------------------------------------------------------------------ helpers

    private static long transId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static Map<String, String> prepare(long transId, String order, String amount) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("click_trans_id", String.valueOf(transId));
        f.put("service_id", "12345");
        f.put("click_paydoc_id", String.valueOf(transId + 7));
        f.put("merchant_trans_id", order);
        f.put("amount", amount);
        f.put("action", "0");
        f.put("error", "0");
        f.put("error_note", "Success");
        f.put("sign_time", SIGN_TIME);
        sign(f, false);
        return f;
    }

    private static Map<String, String> complete(long transId, String order, String amount, long prepareId, int error) {
        Map<String, String> f = prepare(transId, order, amount);
        f.put("action", "1");
        f.put("error", String.valueOf(error));
        f.put("merchant_prepare_id", String.valueOf(prepareId));
        sign(f, true);
        return f;
    }

    private static void sign(Map<String, String> f, boolean complete) {
        f.put("sign_string", complete ? ClickService.completeSignature(f, SECRET) : ClickService.prepareSignature(f, SECRET));
    }

    private static JsonPath click(String endpoint, Map<String, String> fields) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields)
                .when().post("/api/payments/click/" + endpoint)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }
}
