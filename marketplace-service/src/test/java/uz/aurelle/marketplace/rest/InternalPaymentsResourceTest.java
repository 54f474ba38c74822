package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class InternalPaymentsResourceTest {

    static final String SERVICE = TestTokens.service("payments-service");

    static Response event(String bookingId, UUID eventId, String type, long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", eventId);
        body.put("type", type);
        body.put("paymentId", UUID.randomUUID());
        body.put("provider", "PAYME");
        body.put("amount", amount);
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(body)
                .post("/internal/bookings/{id}/payment-events", bookingId);
    }

    /** As Jackson writes it: seconds always present (toString() drops ":00"). */
    static String iso(OffsetDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String pendingBooking(SalonFixture f, UUID clientId, String time) {
        return Api.bookOk(TestTokens.client(clientId), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), time));
    }

    @Test
    void payableDescribesTheOrderWithFiscalItems() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        UUID clientId = UUID.randomUUID();
        String id = pendingBooking(f, clientId, "10:00");

        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", id).then().statusCode(200)
                .body("bookingId", equalTo(id))
                .body("clientId", equalTo(clientId.toString()))
                .body("salonId", equalTo(f.salonId().toString()))
                .body("salonOwnerId", equalTo(f.ownerId().toString()))
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("paid", equalTo(false))
                .body("payable", equalTo(true))
                .body("amount", equalTo(15_000_000))
                .body("currency", equalTo("UZS"))
                .body("completed", equalTo(false))
                .body("items[0].title", equalTo("Стрижка"))
                .body("items[0].price", equalTo(15_000_000))
                .body("items[0].count", equalTo(1))
                .body("items[0].code", equalTo("10201001001000000"))
                .body("items[0].packageCode", equalTo("1497077"))
                .body("items[0].vatPercent", equalTo(0));
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("booking_not_found"));
    }

    @Test
    void onlyServiceTokensMayCall() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        UUID clientId = UUID.randomUUID();
        String id = pendingBooking(f, clientId, "10:00");
        given().get("/internal/bookings/{id}/payable", id).then().statusCode(401);
        given().auth().oauth2(TestTokens.client(clientId)).get("/internal/bookings/{id}/payable", id).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/internal/refund-requests").then()
                .statusCode(403);
    }

    @Test
    void paidEventConfirmsOnceAndRedeliveryChangesNothing() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        UUID eventId = UUID.randomUUID();

        event(id, eventId, "PAID", 15_000_000).then().statusCode(200)
                .body("eventId", equalTo(eventId.toString())).body("applied", equalTo(true))
                .body("bookingStatus", equalTo("CONFIRMED"));
        event(id, eventId, "PAID", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(false)).body("bookingStatus", equalTo("CONFIRMED"));

        assertThat(Db.scalar("SELECT count(*) FROM payment_event WHERE booking_id = ?::uuid", id)).isEqualTo(1L);
        // Applied once, audited once (the replay wrote nothing).
        assertThat(Db.scalar("SELECT count(*) FROM audit_log WHERE action = 'booking.payment_event'"
                + " AND target_id = ? AND actor_type = 'SERVICE'", id)).isEqualTo(1L);
        assertThat(Db.scalar("SELECT count(*) FROM booking_status_history WHERE booking_id = ?::uuid"
                + " AND to_status = 'CONFIRMED' AND actor_role = 'SERVICE'", id)).isEqualTo(1L);
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", id).then().statusCode(200)
                .body("paid", equalTo(true)).body("payable", equalTo(false)).body("holdExpiresAt", nullValue());
        // A second, different payment for a paid booking does not fit.
        event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(409)
                .body("code", equalTo("booking_state_conflict"));
    }

    @Test
    void wrongAmountsAndBadEventsAreRefused() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        event(id, UUID.randomUUID(), "PAID", 1).then().statusCode(422).body("code", equalTo("amount_mismatch"));
        event(id, UUID.randomUUID(), "BOUNCED", 1).then().statusCode(400).body("code", equalTo("validation_failed"));
        event(UUID.randomUUID().toString(), UUID.randomUUID(), "PAID", 1).then().statusCode(404)
                .body("code", equalTo("booking_not_found"));
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", id)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void paymentAfterExpiryIsRefundedInFullAndDoesNotReviveTheBooking() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        Db.update("UPDATE booking SET status = 'EXPIRED' WHERE id = ?::uuid", id);
        event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("EXPIRED"));
        UUID paymentId = (UUID) Db.scalar("SELECT payment_id FROM payment_event WHERE booking_id = ?::uuid", id);
        assertThat(Db.query("SELECT status, paid, payment_id FROM booking WHERE id = ?::uuid", id))
                .containsExactly(java.util.List.of("EXPIRED", true, paymentId));
        given().auth().oauth2(SERVICE).get("/internal/refund-requests").then().statusCode(200)
                .body("find { it.bookingId == '" + id + "' }.amount", equalTo(15_000_000));
        assertThat(Db.query("SELECT percent, payment_id FROM refund_request WHERE booking_id = ?::uuid", id))
                .containsExactly(java.util.List.of(100, paymentId));
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", id).then().statusCode(200)
                .body("paid", equalTo(true)).body("payable", equalTo(false));
        // A second payment is still a conflict for an admin.
        event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(409)
                .body("code", equalTo("booking_state_conflict"));
    }

    @Test
    void paymentCancelledOnAPaidBookingCancelsIt() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(200);
        event(id, UUID.randomUUID(), "PAYMENT_CANCELLED", 15_000_000).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("CANCELLED"));
    }

    @Test
    void holdIsExtendedNeverShortenedAndReleased() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true).holdMinutes(15));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        Instant original = ((java.sql.Timestamp) Db.scalar("SELECT hold_expires_at FROM booking WHERE id = ?::uuid",
                id)).toInstant();
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(40).truncatedTo(ChronoUnit.SECONDS);

        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("until", later.toString()))
                .put("/internal/bookings/{id}/hold", id).then().statusCode(200)
                .body("holdExpiresAt", equalTo(iso(later)));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("until", later.minusMinutes(20).toString()))
                .put("/internal/bookings/{id}/hold", id).then().statusCode(200)
                .body("holdExpiresAt", equalTo(iso(later)));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("until", later.plusDays(2).toString()))
                .put("/internal/bookings/{id}/hold", id).then().statusCode(422).body("code", equalTo("hold_too_long"));
        // Payme's open transaction holds the slot for 12 hours.
        OffsetDateTime paymeWindow = OffsetDateTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("until", paymeWindow.toString()))
                .put("/internal/bookings/{id}/hold", id).then().statusCode(200)
                .body("holdExpiresAt", equalTo(iso(paymeWindow)));

        String released = given().auth().oauth2(SERVICE).delete("/internal/bookings/{id}/hold", id).then()
                .statusCode(200).extract().path("holdExpiresAt");
        assertThat(OffsetDateTime.parse(released).toInstant()).isEqualTo(original);

        // The extension keeps the slot held past the original expiry.
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("until", later.toString()))
                .put("/internal/bookings/{id}/hold", id).then().statusCode(200);
        Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);
        Api.book(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")).then().statusCode(409);

        String confirmed = Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "15:00"));
        event(confirmed, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(200);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("until", later.toString()))
                .put("/internal/bookings/{id}/hold", confirmed).then().statusCode(409)
                .body("code", equalTo("booking_not_payable"));
        given().auth().oauth2(SERVICE).delete("/internal/bookings/{id}/hold", confirmed).then().statusCode(409)
                .body("code", equalTo("booking_not_payable"));
    }

    @Test
    void cancellingAPaidBookingProducesARefundDecisionFromTheSalonPolicy() {
        // Open round the clock so the booking can sit at an exact distance from now.
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true).hours("00:00", "00:00").noBreak()
                .slotInterval(60).minNotice(0));
        UUID clientId = UUID.randomUUID();
        String client = TestTokens.client(clientId);
        OffsetDateTime nextHour = OffsetDateTime.now(f.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);

        String early = Api.bookOk(client, f.serviceId(), f.masterId(), nextHour.plusHours(30));
        String middle = Api.bookOk(client, f.serviceId(), f.masterId(), nextHour.plusHours(16));
        String late = Api.bookOk(client, f.serviceId(), f.masterId(), nextHour.plusHours(5));
        String unpaid = Api.bookOk(client, f.serviceId(), f.masterId(), nextHour.plusHours(40));
        for (String id : new String[] {early, middle, late}) {
            event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(200);
            Api.post(client, "/api/bookings/" + id + "/cancel", null).then().statusCode(200);
        }
        Api.post(client, "/api/bookings/" + unpaid + "/cancel", null).then().statusCode(200);

        var pending = given().auth().oauth2(SERVICE).get("/internal/refund-requests?status=PENDING").then()
                .statusCode(200).extract().jsonPath();
        assertThat(pending.getLong("find { it.bookingId == '" + early + "' }.amount")).isEqualTo(15_000_000L);
        assertThat(pending.getLong("find { it.bookingId == '" + middle + "' }.amount")).isEqualTo(7_500_000L);
        assertThat(pending.getList("bookingId")).doesNotContain(late, unpaid);

        String refundId = pending.getString("find { it.bookingId == '" + early + "' }.id");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("paymentId", UUID.randomUUID(), "status", "DONE"))
                .post("/internal/refund-requests/{id}/ack", refundId).then().statusCode(200)
                .body("status", equalTo("DONE"));
        given().auth().oauth2(SERVICE).get("/internal/refund-requests").then().statusCode(200)
                .body("bookingId", not(hasItem(early))).body("bookingId", hasItem(middle));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("status", "LOST"))
                .post("/internal/refund-requests/{id}/ack", refundId).then().statusCode(400);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .post("/internal/refund-requests/{id}/ack", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("refund_request_not_found"));
    }

    @Test
    void salonCancellationOfAPaidBookingRefundsInFull() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = pendingBooking(f, UUID.randomUUID(), "10:00");
        event(id, UUID.randomUUID(), "PAID", 15_000_000).then().statusCode(200);
        Api.post(TestTokens.owner(f.ownerId()), "/api/bookings/" + id + "/cancel", Map.of("reason", "flooding"))
                .then().statusCode(200);
        assertThat(Db.query("SELECT amount_tiyin, percent, status FROM refund_request WHERE booking_id = ?::uuid", id))
                .containsExactly(java.util.List.of(15_000_000L, 100, "PENDING"));
        assertThat(Db.scalar("SELECT CAST(details AS jsonb)->>'refundPercent' FROM audit_log WHERE action = 'booking.cancelled'"
                + " AND target_id = ? AND actor_id = ?", id, f.ownerId().toString())).isEqualTo("100");
    }
}
