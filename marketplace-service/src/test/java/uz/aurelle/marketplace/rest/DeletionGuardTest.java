package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

/** A salon or master with live bookings cannot be deleted: the bookings (and their money) would be stranded. */
@QuarkusTest
class DeletionGuardTest {

    static final String SERVICE = TestTokens.service("payments-service");

    static OffsetDateTime at(SalonFixture f, String time) {
        return f.at(Fixtures.daysAhead(f.zone(), 3), time);
    }

    static Response deleteSalon(SalonFixture f) {
        return given().auth().oauth2(TestTokens.owner(f.ownerId())).delete("/api/salons/{id}", f.salonId());
    }

    static Response deleteMaster(SalonFixture f, UUID master) {
        return given().auth().oauth2(TestTokens.owner(f.ownerId()))
                .delete("/api/salons/{s}/masters/{m}", f.salonId(), master);
    }

    @Test
    void aSalonWithUpcomingBookingsIsNotDeletedUntilTheyAreCancelled() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String client = TestTokens.client(UUID.randomUUID());
        String held = Api.bookOk(client, f.serviceId(), f.masterId(), at(f, "10:00"));
        String paid = Api.bookOk(client, f.serviceId(), f.secondMasterId(), at(f, "10:00"));
        given().auth().oauth2(SERVICE).contentType("application/json")
                .body(Map.of("eventId", UUID.randomUUID(), "type", "PAID", "paymentId", UUID.randomUUID(),
                        "provider", "PAYME", "amount", 15_000_000, "occurredAt", OffsetDateTime.now().toString()))
                .post("/internal/bookings/{id}/payment-events", paid).then().statusCode(200);
        // A visit that is over (and one that was cancelled) does not hold the salon back.
        String past = Api.bookOk(client, f.serviceId(), f.masterId(), at(f, "15:00"));
        Api.shiftIntoPast(past);
        Db.update("UPDATE booking SET status = 'CONFIRMED' WHERE id = ?::uuid", past);

        deleteSalon(f).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("salon_has_active_bookings")).body("activeBookings", equalTo(2));
        given().auth().oauth2(client).get("/api/bookings/{id}", paid).then().statusCode(200);

        String owner = TestTokens.owner(f.ownerId());
        Api.post(owner, "/api/bookings/" + held + "/cancel", Map.of("reason", "closing")).then().statusCode(200);
        deleteSalon(f).then().statusCode(409).body("activeBookings", equalTo(1));
        Api.post(owner, "/api/bookings/" + paid + "/cancel", Map.of("reason", "closing")).then().statusCode(200);
        deleteSalon(f).then().statusCode(204);
        // The refund decided on cancelling stays reachable for payments-service.
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", paid).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("salonOwnerId", equalTo(f.ownerId().toString()));
    }

    @Test
    void aMasterWithUpcomingBookingsIsNotDeleted() {
        SalonFixture f = Fixtures.salon();
        Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(), at(f, "10:00"));

        deleteMaster(f, f.masterId()).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("master_has_active_bookings")).body("activeBookings", equalTo(1));
        given().get("/api/salons/{id}/masters", f.salonId()).then().statusCode(200).body("size()", equalTo(2));
        deleteMaster(f, f.secondMasterId()).then().statusCode(204);
    }

    @Test
    void aPastVisitStaysVisibleToPaymentsAfterItsSalonIsDeleted() {
        SalonFixture f = Fixtures.salon();
        String id = Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(), at(f, "10:00"));
        Api.shiftIntoPast(id);
        Api.post(TestTokens.owner(f.ownerId()), "/api/bookings/" + id + "/complete", null).then().statusCode(200);
        deleteSalon(f).then().statusCode(204);

        // A 404 here would let Payme reverse a payment for a service already delivered.
        given().auth().oauth2(SERVICE).get("/internal/bookings/{id}/payable", id).then().statusCode(200)
                .body("completed", equalTo(true)).body("payable", equalTo(false));
    }

    @Test
    void aBookingCommittedWhileTheSalonIsBeingDeletedIsCounted() throws Exception {
        SalonFixture f = Fixtures.salon();
        CompletableFuture<Response> delete;
        try (Connection booking = Db.begin()) {
            Fixtures.insertBooking(booking, f, f.masterId(), at(f, "10:00"));
            delete = CompletableFuture.supplyAsync(() -> deleteSalon(f));
            Db.awaitLockWaiter();
            booking.commit();
        }
        delete.get(60, TimeUnit.SECONDS).then().statusCode(409).body("code", equalTo("salon_has_active_bookings"))
                .body("activeBookings", equalTo(1));
        assertThat(Db.scalar("SELECT deleted_at FROM salon WHERE id = ?", f.salonId())).isNull();
    }

    @Test
    void aBookingForASalonDeletedMeanwhileIsRefused() throws Exception {
        SalonFixture f = Fixtures.salon();
        CompletableFuture<Response> booking;
        try (Connection delete = Db.begin()) {
            Db.update(delete, "UPDATE salon SET deleted_at = now() WHERE id = ?", f.salonId());
            booking = CompletableFuture.supplyAsync(() -> Api.book(TestTokens.client(UUID.randomUUID()),
                    f.serviceId(), f.masterId(), at(f, "10:00")));
            Db.awaitLockWaiter();
            delete.commit();
        }
        booking.get(60, TimeUnit.SECONDS).then().statusCode(422).body("code", equalTo("salon_not_bookable"));
        assertThat(Db.scalar("SELECT count(*) FROM booking WHERE salon_id = ?", f.salonId())).isEqualTo(0L);
    }

    @Test
    void theDatabaseRefusesDeletionsThatWouldStrandBookings() {
        SalonFixture f = Fixtures.salon();
        Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(), at(f, "10:00"));
        assertThatThrownBy(() -> Db.update("UPDATE salon SET deleted_at = now() WHERE id = ?", f.salonId()))
                .hasCauseInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("AU409"));
        assertThatThrownBy(() -> Db.update("UPDATE master SET deleted_at = now() WHERE id = ?", f.masterId()))
                .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("AU409"));
        assertThat(Db.update("UPDATE master SET deleted_at = now() WHERE id = ?", f.secondMasterId())).isEqualTo(1);
        try (Connection c = Db.begin()) {
            assertThatThrownBy(() -> Fixtures.insertBooking(c, f, f.secondMasterId(), at(f, "12:00")))
                    .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("AUM04"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
