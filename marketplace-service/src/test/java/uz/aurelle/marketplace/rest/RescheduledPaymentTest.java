package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * payments-service knows a rescheduled booking only by the id it was paid for: refunds, the payable view
 * and payment events must still find the money and the live booking, and moving a paid booking must not
 * improve its refund tier (salon tiers 24:100, 12:50, 0:0; price 15 000 000 tiyin).
 */
@QuarkusTest
class RescheduledPaymentTest {

    static final String SERVICE = TestTokens.service("payments-service");

    /** Open round the clock, no notice: bookings sit at exact distances from now. */
    static SalonFixture salon() {
        return Fixtures.salon(Fixtures.spec().prepayment(true).hours("00:00", "00:00").noBreak().slotInterval(60)
                .minNotice(0));
    }

    static OffsetDateTime hoursAhead(SalonFixture f, int hours) {
        return OffsetDateTime.now(f.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1 + hours);
    }

    static Response event(String bookingId, String type, UUID paymentId) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID(), "type", type, "paymentId", paymentId, "provider", "PAYME",
                        "amount", 15_000_000, "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()))
                .post("/internal/bookings/{id}/payment-events", bookingId);
    }

    static String reschedule(String client, String bookingId, OffsetDateTime to) {
        return Api.post(client, "/api/bookings/" + bookingId + "/reschedule", Map.of("startsAt", to.toString()))
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath refundRequests() {
        return given().auth().oauth2(SERVICE).get("/internal/refund-requests?status=PENDING").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theRefundRequestOfARescheduledPaidBookingNamesThePaymentAndTheFirstBooking() {
        SalonFixture f = salon();
        String client = TestTokens.client(UUID.randomUUID());
        String first = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 30));
        UUID paymentId = UUID.randomUUID();
        event(first, "PAID", paymentId).then().statusCode(200);
        String moved = reschedule(client, first, hoursAhead(f, 72));
        String movedAgain = reschedule(client, moved, hoursAhead(f, 96));

        Api.post(client, "/api/bookings/" + movedAgain + "/cancel", null).then().statusCode(200);

        JsonPath pending = refundRequests();
        String refund = "find { it.bookingId == '" + movedAgain + "' }";
        assertThat(pending.getString(refund + ".paymentId")).isEqualTo(paymentId.toString());
        assertThat(pending.getString(refund + ".originalBookingId")).isEqualTo(first);
        assertThat(pending.getLong(refund + ".amount")).isEqualTo(15_000_000L);
    }

    @Test
    void thePayableViewOfARescheduledBookingAnswersForTheLiveOne() {
        SalonFixture f = salon();
        String client = TestTokens.client(UUID.randomUUID());
        String first = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 30));
        event(first, "PAID", UUID.randomUUID()).then().statusCode(200);
        String moved = reschedule(client, first, hoursAhead(f, 72));

        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", first).then().statusCode(200)
                .body("bookingId", equalTo(moved)).body("status", equalTo("CONFIRMED"))
                .body("paid", equalTo(true)).body("payable", equalTo(false)).body("completed", equalTo(false));

        // After the visit Payme may not reverse the payment it took for the first booking.
        Api.shiftIntoPast(moved);
        Api.post(TestTokens.owner(f.ownerId()), "/api/bookings/" + moved + "/complete", null).then().statusCode(200);
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", first).then().statusCode(200)
                .body("bookingId", equalTo(moved)).body("status", equalTo("COMPLETED"))
                .body("completed", equalTo(true));
    }

    @Test
    void paymentEventsAndHoldsForAnEarlierBookingReachTheLiveOne() {
        SalonFixture f = salon();
        String client = TestTokens.client(UUID.randomUUID());
        // Unpaid and moved while a provider transaction for the first booking is still open.
        String first = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 30));
        String moved = reschedule(client, first, hoursAhead(f, 72));
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("until", until.toString()))
                .put("/internal/bookings/{id}/hold", first).then().statusCode(200)
                .body("bookingId", equalTo(moved)).body("status", equalTo("PENDING_PAYMENT"));

        UUID paymentId = UUID.randomUUID();
        event(first, "PAID", paymentId).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("CONFIRMED"));
        assertThat(Db.query("SELECT status, paid, payment_id FROM booking WHERE id = ?::uuid", moved))
                .containsExactly(List.of("CONFIRMED", true, paymentId));
        assertThat(Db.query("SELECT status, paid FROM booking WHERE id = ?::uuid", first))
                .containsExactly(List.of("CANCELLED", false));

        // The provider reverses the payment it took for the first booking: the live booking loses it.
        event(first, "PAYMENT_CANCELLED", paymentId).then().statusCode(200).body("bookingStatus", equalTo("CANCELLED"));
        assertThat(Db.query("SELECT status, paid FROM booking WHERE id = ?::uuid", moved))
                .containsExactly(List.of("CANCELLED", false));
    }

    @Test
    void movingAPaidBookingDoesNotImproveItsRefundTier() {
        SalonFixture f = salon();
        String client = TestTokens.client(UUID.randomUUID());
        // 0 % tier (5 h ahead), 50 % tier (16 h), 100 % tier (30 h); each paid, moved days ahead, cancelled.
        String late = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 5));
        String middle = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 16));
        String early = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 30));
        for (String id : List.of(late, middle, early)) {
            event(id, "PAID", UUID.randomUUID()).then().statusCode(200);
        }
        String lateMoved = reschedule(client, late, hoursAhead(f, 7 * 24));
        // Moved twice: the second move happens in the 100 % tier, the first one's 50 % still holds.
        String middleMoved = reschedule(client, reschedule(client, middle, hoursAhead(f, 7 * 24 + 2)),
                hoursAhead(f, 8 * 24));
        String earlyMoved = reschedule(client, early, hoursAhead(f, 7 * 24 + 4));
        for (String id : List.of(lateMoved, middleMoved, earlyMoved)) {
            Api.post(client, "/api/bookings/" + id + "/cancel", null).then().statusCode(200);
        }

        assertThat(Db.scalar("SELECT count(*) FROM refund_request WHERE booking_id = ?::uuid", lateMoved))
                .isEqualTo(0L);
        assertThat(Db.query("SELECT amount_tiyin, percent FROM refund_request WHERE booking_id = ?::uuid", middleMoved))
                .containsExactly(List.of(7_500_000L, 50));
        assertThat(Db.query("SELECT amount_tiyin, percent FROM refund_request WHERE booking_id = ?::uuid", earlyMoved))
                .containsExactly(List.of(15_000_000L, 100));
        // A salon cancellation still refunds in full, whatever the cap.
        String salonCase = Api.bookOk(client, f.serviceId(), f.masterId(), hoursAhead(f, 6));
        event(salonCase, "PAID", UUID.randomUUID()).then().statusCode(200);
        String salonCaseMoved = reschedule(client, salonCase, hoursAhead(f, 9 * 24));
        Api.post(TestTokens.owner(f.ownerId()), "/api/bookings/" + salonCaseMoved + "/cancel",
                Map.of("reason", "closed")).then().statusCode(200);
        assertThat(Db.query("SELECT amount_tiyin, percent FROM refund_request WHERE booking_id = ?::uuid",
                salonCaseMoved)).containsExactly(List.of(15_000_000L, 100));
    }
}
