package uz.aurelle.payments.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import uz.aurelle.common.testing.TestTokens;

/** Test helpers over real HTTP: a booking in the fake marketplace, a payment order, Payme calls. */
public final class Api {

    public static final String PAYME_KEY = "TEST_KEY";
    private static final AtomicInteger RPC_ID = new AtomicInteger(1000);

    private Api() {
    }

    /** A payable booking in marketplace and its parties. */
    public record Booking(UUID id, UUID clientId, UUID salonId, UUID ownerId, long amount) {
    }

    public static Booking booking(long amount) {
        return booking(amount, UUID.randomUUID());
    }

    public static Booking booking(long amount, UUID salonId) {
        Booking booking = new Booking(UUID.randomUUID(), UUID.randomUUID(), salonId, UUID.randomUUID(), amount);
        MarketplaceFake.payable(booking.id(), booking.clientId(), booking.salonId(), booking.ownerId(), amount);
        return booking;
    }

    /** POST /api/payments as the booking's client; returns the order id. */
    public static String order(Booking booking, String provider) {
        return given().auth().oauth2(TestTokens.client(booking.clientId()))
                .contentType(ContentType.JSON)
                .body("{\"bookingId\":\"" + booking.id() + "\",\"provider\":\"" + provider + "\"}")
                .when().post("/api/payments")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String rpc(String method, String params) {
        return "{\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":" + RPC_ID.incrementAndGet() + "}";
    }

    /** Raw Payme call (always HTTP 200) with the default cash desk's key. */
    public static String paymeRaw(String body) {
        return paymeRaw("/api/payments/payme", PAYME_KEY, body);
    }

    public static String paymeRaw(String path, String key, String body) {
        return given().auth().preemptive().basic("Paycom", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
    }

    public static JsonPath payme(String method, String params) {
        return new JsonPath(paymeRaw(rpc(method, params)));
    }

    /** The part of a Payme answer that must be identical on repeats. */
    public static String resultOf(String answer) {
        int start = answer.indexOf("\"result\":");
        int end = answer.lastIndexOf(",\"id\":");
        return answer.substring(start, end);
    }

    public static String account(String orderId) {
        return "{\"order_id\":\"" + orderId + "\"}";
    }

    public static String createParams(String paymeId, long time, long amount, String orderId) {
        return "{\"id\":\"" + paymeId + "\",\"time\":" + time + ",\"amount\":" + amount + ",\"account\":"
                + account(orderId) + "}";
    }

    public static String paymeId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
