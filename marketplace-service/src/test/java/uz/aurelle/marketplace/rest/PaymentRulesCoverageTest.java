package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Refund tiers, the REFUNDED payment event and promo-code redemptions around payment. */
@QuarkusTest
class PaymentRulesCoverageTest {

    private static final String SERVICE = InternalPaymentsResourceTest.SERVICE;

    private static String paidBooking(SalonFixture f, String client, String time, long amount) {
        String id = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 5), time));
        InternalPaymentsResourceTest.event(id, UUID.randomUUID(), "PAID", amount).then().statusCode(200)
                .body("bookingStatus", equalTo("CONFIRMED"));
        return id;
    }

    /** Moves a booking to start the given number of hours from now (one hour long). */
    private static void startsIn(String bookingId, int hours) {
        Db.update("UPDATE booking SET starts_at = now() + make_interval(hours => ?),"
                + " ends_at = now() + make_interval(hours => ?), occupied_from = now() + make_interval(hours => ?),"
                + " occupied_to = now() + make_interval(hours => ?) WHERE id = ?::uuid",
                hours, hours + 1, hours, hours + 1, bookingId);
    }

    private static List<Map<String, Object>> refundRequests(String status, String bookingId) {
        return given().auth().oauth2(SERVICE).get("/internal/refund-requests?status=" + status).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(r -> bookingId.equals(r.get("bookingId"))).toList();
    }

    @Test
    void aSalonsOwnRefundTiersDecideTheRefundOfAClientCancellation() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        Db.update("UPDATE salon SET refund_tiers = '48:100,6:30' WHERE id = ?", f.salonId());
        String client = TestTokens.client(UUID.randomUUID());
        String early = paidBooking(f, client, "10:00", 15_000_000);
        String middle = paidBooking(f, client, "12:00", 15_000_000);
        String late = paidBooking(f, client, "15:00", 15_000_000);
        startsIn(early, 49);
        startsIn(middle, 47);
        startsIn(late, 5);

        for (String id : List.of(early, middle, late)) {
            Api.post(client, "/api/bookings/" + id + "/cancel", null).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }
        assertThat(refundRequests("PENDING", early)).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("amount")).longValue()).isEqualTo(15_000_000L));
        assertThat(refundRequests("PENDING", middle)).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("amount")).longValue()).isEqualTo(4_500_000L));
        // Under 6 h the tiers give nothing: no refund request at all.
        assertThat(refundRequests("PENDING", late)).isEmpty();
        assertThat(Db.scalar("SELECT percent FROM refund_request WHERE booking_id = ?::uuid", middle)).isEqualTo(30);
        assertThat(Db.scalar("SELECT count(*) FROM refund_request WHERE booking_id = ?::uuid", late)).isEqualTo(0L);
    }

    @Test
    void aRefundedEventCancelsAPaidBookingForItsClientOnceAndClosesTheRefundRequest() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String client = TestTokens.client(UUID.randomUUID());
        String id = paidBooking(f, client, "10:00", 15_000_000);
        given().auth().oauth2(client).get("/api/bookings/" + id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("paid", equalTo(true)).body("refund", nullValue());

        UUID eventId = UUID.randomUUID();
        InternalPaymentsResourceTest.event(id, eventId, "REFUNDED", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("CANCELLED"));
        // The provider refunded on its own: the client sees the event's amount as refunded.
        given().auth().oauth2(client).get("/api/bookings/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("refund.amount", equalTo(15_000_000))
                .body("refund.currency", equalTo("UZS")).body("refund.status", equalTo("REFUNDED"));
        given().auth().oauth2(client).get("/api/bookings/" + id + "/history").then().statusCode(200)
                .body("findAll { it.to == 'CANCELLED' }.size()", equalTo(1));
        long history = (Long) Db.scalar("SELECT count(*) FROM booking_status_history WHERE booking_id = ?::uuid", id);

        // Redelivery of the same event id changes nothing.
        InternalPaymentsResourceTest.event(id, eventId, "REFUNDED", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(false)).body("bookingStatus", equalTo("CANCELLED"));
        assertThat(Db.scalar("SELECT count(*) FROM booking_status_history WHERE booking_id = ?::uuid", id))
                .isEqualTo(history);
        assertThat(Db.scalar("SELECT count(*) FROM payment_event WHERE booking_id = ?::uuid AND type = 'REFUNDED'",
                id)).isEqualTo(1L);

        // A client's cancellation asks for a refund; the REFUNDED event completes that request.
        String cancelled = paidBooking(f, client, "12:00", 15_000_000);
        Api.post(client, "/api/bookings/" + cancelled + "/cancel", null).then().statusCode(200);
        assertThat(refundRequests("PENDING", cancelled)).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("amount")).longValue()).isEqualTo(15_000_000L));
        given().auth().oauth2(client).get("/api/bookings/" + cancelled).then().statusCode(200)
                .body("refund.amount", equalTo(15_000_000)).body("refund.status", equalTo("PENDING"));
        UUID refundEvent = UUID.randomUUID();
        InternalPaymentsResourceTest.event(cancelled, refundEvent, "REFUNDED", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("CANCELLED"));
        assertThat(refundRequests("PENDING", cancelled)).isEmpty();
        assertThat(refundRequests("DONE", cancelled)).hasSize(1);
        given().auth().oauth2(client).get("/api/bookings/" + cancelled).then().statusCode(200)
                .body("refund.amount", equalTo(15_000_000)).body("refund.status", equalTo("REFUNDED"));
        InternalPaymentsResourceTest.event(cancelled, refundEvent, "REFUNDED", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(false));
        assertThat(refundRequests("DONE", cancelled)).hasSize(1);
    }

    private static String promo(String ownerToken, UUID salonId) {
        String code = "PAY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("salonId", salonId);
        body.put("kind", "PERCENT");
        body.put("value", 20);
        body.put("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
        Api.post(ownerToken, "/api/promo-codes", body).then().statusCode(201);
        return code;
    }

    private static Response bookWithCode(String client, SalonFixture f, String time, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", f.serviceId());
        body.put("masterId", f.masterId());
        body.put("startsAt", f.at(Fixtures.daysAhead(f.zone(), 4), time).toString());
        body.put("promoCode", code);
        return given().auth().oauth2(client).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }

    private static int redeemed(String code) {
        return ((Number) Db.scalar("SELECT redeemed_count FROM promo_code WHERE code = ?", code)).intValue();
    }

    @Test
    void aSalonsPromoCodeIsRefusedElsewhereAndOnlyAPaidBookingKeepsItsUseWhenCancelled() {
        SalonFixture a = Fixtures.salon(Fixtures.spec().prepayment(true));
        SalonFixture b = Fixtures.salon(Fixtures.spec().prepayment(true));
        String code = promo(TestTokens.owner(a.ownerId()), a.salonId());
        String client = TestTokens.client(UUID.randomUUID());

        bookWithCode(client, b, "10:00", code).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("promo_code_not_found"));
        assertThat(redeemed(code)).isZero();
        assertThat(Db.scalar("SELECT count(*) FROM booking WHERE salon_id = ?", b.salonId())).isEqualTo(0L);

        String paid = bookWithCode(client, a, "10:00", code).then().statusCode(201)
                .body("amount", equalTo(12_000_000)).extract().path("id");
        InternalPaymentsResourceTest.event(paid, UUID.randomUUID(), "PAID", 12_000_000).then().statusCode(200);
        String unpaid = bookWithCode(TestTokens.client(UUID.randomUUID()), a, "12:00", code).then().statusCode(201)
                .extract().path("id");
        assertThat(redeemed(code)).isEqualTo(2);

        Api.post(client, "/api/bookings/" + paid + "/cancel", null).then().statusCode(200);
        assertThat(redeemed(code)).isEqualTo(2);
        assertThat(Db.scalar("SELECT count(*) FROM promo_redemption WHERE booking_id = ?::uuid"
                + " AND released_at IS NULL", paid)).isEqualTo(1L);

        Api.post(TestTokens.owner(a.ownerId()), "/api/bookings/" + unpaid + "/cancel", Map.of("reason", "closed"))
                .then().statusCode(200);
        assertThat(redeemed(code)).isEqualTo(1);
        assertThat(Db.scalar("SELECT count(*) FROM promo_redemption WHERE booking_id = ?::uuid"
                + " AND released_at IS NULL", unpaid)).isEqualTo(0L);
    }
}
