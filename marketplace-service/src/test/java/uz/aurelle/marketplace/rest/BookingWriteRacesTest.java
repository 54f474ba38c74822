package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * A write that read the booking before a concurrent transition committed must not undo it. Each test holds
 * the row lock in an open JDBC transaction (as the job or a client cancel would), lets the API run into it,
 * then commits: the outcome no longer depends on timing.
 */
@QuarkusTest
class BookingWriteRacesTest {

    static final String SERVICE = TestTokens.service("payments-service");

    @Inject
    Scheduler scheduler;

    static Response paid(String bookingId, UUID paymentId, long amount) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID(), "type", "PAID", "paymentId", paymentId, "provider", "PAYME",
                        "amount", amount, "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()))
                .post("/internal/bookings/{id}/payment-events", bookingId);
    }

    static Response extendHold(String bookingId) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30).toString()))
                .put("/internal/bookings/{id}/hold", bookingId);
    }

    static String book(SalonFixture f, String time) {
        return Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), time));
    }

    @Test
    void aHoldExtensionRacingTheExpiryJobDoesNotReviveTheBooking() throws Exception {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = book(f, "10:00");
        CompletableFuture<Response> extension;
        try (Connection job = Db.begin()) {
            Db.update(job, "UPDATE booking SET status = 'EXPIRED' WHERE id = ?::uuid", id);
            extension = CompletableFuture.supplyAsync(() -> extendHold(id));
            Db.awaitLockWaiter();
            job.commit();
        }
        extension.get(60, TimeUnit.SECONDS).then().statusCode(409)
                .body("code", equalTo("booking_not_payable")).body("bookingStatus", equalTo("EXPIRED"));
        assertThat(Db.query("SELECT status, hold_extended_until FROM booking WHERE id = ?::uuid", id))
                .containsExactly(java.util.Arrays.asList("EXPIRED", null));
    }

    @Test
    void aPaymentRacingAClientCancelNeitherRevivesTheBookingNorKeepsTheMoney() throws Exception {
        SalonFixture f = Fixtures.salon();
        String id = book(f, "10:00");
        UUID paymentId = UUID.randomUUID();
        CompletableFuture<Response> payment;
        try (Connection cancel = Db.begin()) {
            Db.update(cancel, "UPDATE booking SET status = 'CANCELLED', cancel_reason = 'plans changed'"
                    + " WHERE id = ?::uuid", id);
            payment = CompletableFuture.supplyAsync(() -> paid(id, paymentId, 15_000_000));
            Db.awaitLockWaiter();
            cancel.commit();
        }
        payment.get(60, TimeUnit.SECONDS).then().statusCode(200)
                .body("applied", equalTo(true)).body("bookingStatus", equalTo("CANCELLED"));
        assertThat(Db.query("SELECT status, paid, payment_id, cancel_reason FROM booking WHERE id = ?::uuid", id))
                .containsExactly(List.of("CANCELLED", true, paymentId, "plans changed"));
        assertThat(Db.query("SELECT amount_tiyin, percent, status, payment_id FROM refund_request"
                + " WHERE booking_id = ?::uuid", id)).containsExactly(List.of(15_000_000L, 100, "PENDING", paymentId));
    }

    @Test
    void anExpiryDecidedOnAStaleReadLosesToAHoldExtension() throws Exception {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String held = book(f, "10:00");
        // The job must not expire the booking before the test holds its row.
        scheduler.pause();
        try {
            Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid", held);
            CompletableFuture<Response> competitor;
            try (Connection provider = Db.begin()) {
                // A provider extends the hold; meanwhile a booking for the same slot reads the hold as lapsed.
                Db.update(provider, "UPDATE booking SET hold_extended_until = now() + interval '1 hour'"
                        + " WHERE id = ?::uuid", held);
                competitor = CompletableFuture.supplyAsync(() -> Api.book(TestTokens.client(UUID.randomUUID()),
                        f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), "10:00")));
                Db.awaitLockWaiter();
                provider.commit();
            }
            competitor.get(60, TimeUnit.SECONDS).then().statusCode(409).body("code", equalTo("slot_taken"));
        } finally {
            scheduler.resume();
        }
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", held)).isEqualTo("PENDING_PAYMENT");
        assertThat(Db.scalar("SELECT count(*) FROM booking_status_history WHERE booking_id = ?::uuid"
                + " AND to_status = 'EXPIRED'", held)).isEqualTo(0L);
    }
}
