package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class BookingResourceTest {

    static String client() {
        return TestTokens.client(UUID.randomUUID());
    }

    @Test
    void bookingAFreeSlotConfirmsItWithAPriceSnapshot() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        UUID clientId = UUID.randomUUID();
        String token = TestTokens.client(clientId);

        String location = Api.book(token, f.serviceId(), f.masterId(), f.at(day, "10:00"))
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("CONFIRMED"))
                .body("clientId", equalTo(clientId.toString()))
                .body("masterId", equalTo(f.masterId().toString()))
                .body("startsAt", equalTo(day + "T10:00:00+05:00"))
                .body("endsAt", equalTo(day + "T11:00:00+05:00"))
                .body("price", equalTo(15_000_000))
                .body("amount", equalTo(15_000_000))
                .body("currency", equalTo("UZS"))
                .body("holdExpiresAt", nullValue())
                .extract().header("Location");

        // The price change after booking does not touch the snapshot.
        Db.update("UPDATE salon_service SET price_tiyin = 99 WHERE id = ?", f.serviceId());
        given().auth().oauth2(token).get(location).then().statusCode(200).body("price", equalTo(15_000_000));
        given().auth().oauth2(token).get("/api/bookings/mine").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].startsAt", equalTo(day + "T10:00:00+05:00"));
        given().auth().oauth2(token).get(location + "/history").then().statusCode(200)
                .body("[0].to", equalTo("CONFIRMED")).body("[0].actor", equalTo(clientId.toString()));
    }

    @Test
    void anyMasterPicksAFreeOneAndSecondRequestForTheSameMasterIsTaken() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        OffsetDateTime start = f.at(day, "11:00");

        String first = Api.bookOk(client(), f.serviceId(), null, start);
        String second = Api.bookOk(client(), f.serviceId(), null, start);
        String m1 = given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/bookings/" + first).path("masterId");
        String m2 = given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/bookings/" + second).path("masterId");
        assertThat(List.of(m1, m2)).containsExactlyInAnyOrder(f.masterId().toString(), f.secondMasterId().toString());

        Api.book(client(), f.serviceId(), null, start).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("slot_taken"))
                .body("slots.startsAt", hasItem(day + "T12:00:00+05:00"))
                .body("slots.startsAt", not(hasItem(day + "T11:00:00+05:00")));
    }

    @Test
    void prepaymentSalonHoldsTheSlotUntilPaid() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true).holdMinutes(20));
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);

        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "10:00")).then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("holdExpiresAt", notNullValue());
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "10:00")).then().statusCode(409)
                .body("code", equalTo("slot_taken"));
    }

    @Test
    void buffersKeepNeighbouringBookingsApart() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().buffers(0, 30));
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        Api.bookOk(client(), f.serviceId(), f.masterId(), f.at(day, "10:00"));

        // 11:00 would start inside the first booking's 30-minute clean-up buffer.
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "11:00")).then().statusCode(409)
                .body("code", equalTo("slot_taken"));
        Api.bookOk(client(), f.serviceId(), f.masterId(), f.at(day, "11:30"));
    }

    @Test
    void invalidStartsAreRefusedWithStableCodes() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().horizonDays(10));
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        Fixtures.dayOff(f.masterId(), day.plusDays(1));
        OffsetDateTime now = OffsetDateTime.now(f.zone());

        Api.book(client(), f.serviceId(), f.masterId(), now.minusHours(2).withMinute(0).withSecond(0).withNano(0))
                .then().statusCode(422).body("code", equalTo("slot_in_past"));
        Api.book(client(), f.serviceId(), f.masterId(), now.plusMinutes(20))
                .then().statusCode(422).body("code", equalTo("slot_too_soon"));
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "07:00"))
                .then().statusCode(422).body("code", equalTo("slot_unavailable")).body("reason", equalTo("OUTSIDE_HOURS"));
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "13:00"))
                .then().statusCode(422).body("code", equalTo("slot_unavailable")).body("reason", equalTo("IN_BREAK"));
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day, "10:10"))
                .then().statusCode(422).body("code", equalTo("slot_unavailable")).body("reason", equalTo("NOT_ON_GRID"));
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day.plusDays(1), "10:00"))
                .then().statusCode(422).body("code", equalTo("slot_unavailable")).body("reason", equalTo("DAY_OFF"));
        Api.book(client(), f.serviceId(), f.masterId(), f.at(day.plusDays(20), "10:00"))
                .then().statusCode(422).body("code", equalTo("slot_beyond_horizon"));
        Api.book(client(), f.otherServiceId(), f.secondMasterId(), f.at(day, "10:00"))
                .then().statusCode(422).body("code", equalTo("master_not_offering_service"));
        Api.book(client(), UUID.randomUUID(), null, f.at(day, "10:00"))
                .then().statusCode(404).body("code", equalTo("service_not_found"));
        given().auth().oauth2(client()).contentType(ContentType.JSON).body(Map.of("serviceId", f.serviceId()))
                .post("/api/bookings").then().statusCode(400).body("code", equalTo("validation_failed"));
        given().auth().oauth2(client()).contentType(ContentType.JSON).body("{\"serviceId\":\"x\"}")
                .post("/api/bookings").then().statusCode(400);
        assertThat(Db.scalar("SELECT count(*) FROM booking WHERE salon_id = ?", f.salonId())).isEqualTo(0L);
    }

    @Test
    void unapprovedOrSuspendedSalonCannotBeBooked() {
        for (String status : List.of("PENDING_REVIEW", "SUSPENDED", "REJECTED")) {
            SalonFixture f = Fixtures.salon(Fixtures.spec().status(status));
            Api.book(client(), f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"))
                    .then().statusCode(422).body("code", equalTo("salon_not_bookable"));
        }
    }

    @Test
    void onlyClientsBookAndTokensAreRequired() {
        SalonFixture f = Fixtures.salon();
        OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), "10:00");
        given().contentType(ContentType.JSON).body(Map.of("serviceId", f.serviceId(), "startsAt", start.toString()))
                .post("/api/bookings").then().statusCode(401);
        Api.book(TestTokens.owner(f.ownerId()), f.serviceId(), f.masterId(), start).then().statusCode(403);
    }

    @Test
    void concurrentRequestsForOneSlotProduceExactlyOneBooking() throws Exception {
        SalonFixture f = Fixtures.salon();
        OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), "15:00");
        int parallel = 12;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String token = client();
                calls.add(() -> Api.book(token, f.serviceId(), f.masterId(), start).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                codes.add(result.get());
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.scalar("SELECT count(*) FROM booking WHERE master_id = ? AND status IN ('CONFIRMED',"
                + " 'PENDING_PAYMENT')", f.masterId())).isEqualTo(1L);
    }

    @Test
    void theDatabaseRefusesOverlapsWhateverTheCodeDoes() {
        SalonFixture f = Fixtures.salon();
        String id = Api.bookOk(client(), f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"));
        String copy = "INSERT INTO booking (id, client_id, salon_id, service_id, master_id, starts_at, ends_at,"
                + " occupied_from, occupied_to, time_zone, status, service_title, price_tiyin, amount_tiyin,"
                + " prepayment_required) SELECT ?, client_id, salon_id, service_id, master_id, starts_at + interval"
                + " '30 minutes', ends_at + interval '30 minutes', occupied_from + interval '30 minutes', occupied_to"
                + " + interval '30 minutes', time_zone, ?, service_title, price_tiyin, amount_tiyin, false FROM booking"
                + " WHERE id = ?::uuid";
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Db.update(copy, UUID.randomUUID(), "CONFIRMED", id));
        // Cancelled rows drop out of the constraint.
        assertThat(Db.update(copy, UUID.randomUUID(), "CANCELLED", id)).isEqualTo(1);
    }

    @Test
    void aLapsedHoldIsExpiredAndTheSlotRebooked() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), "10:00");
        String stale = Api.bookOk(client(), f.serviceId(), f.masterId(), start);
        Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid", stale);

        Api.bookOk(client(), f.serviceId(), f.masterId(), start);

        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", stale)).isEqualTo("EXPIRED");
        assertThat(Db.scalar("SELECT actor FROM booking_status_history WHERE booking_id = ?::uuid"
                + " AND to_status = 'EXPIRED'", stale)).isEqualTo("system");
    }

    @Test
    void theJobExpiresUnpaidHolds() throws InterruptedException {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String id = Api.bookOk(client(), f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"));
        Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);

        Object status = null;
        for (int i = 0; i < 100 && !"EXPIRED".equals(status); i++) {
            Thread.sleep(100);
            status = Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", id);
        }
        assertThat(status).isEqualTo("EXPIRED");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerInsteadOfBookingTwice() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        String token = client();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("serviceId", f.serviceId(), "startsAt", f.at(day, "10:00").toString());

        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/bookings").then().statusCode(201).extract().path("id");
        // (The replay's Content-Type is common's business and currently not kept: read the body as text.)
        String replay = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/bookings").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(replay).getString("id")).isEqualTo(first);
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("serviceId", f.serviceId(), "startsAt", f.at(day, "11:00").toString()))
                .post("/api/bookings").then().statusCode(422).body("code", equalTo("idempotency_key_reused"));
        assertThat(Db.scalar("SELECT count(*) FROM booking WHERE salon_id = ?", f.salonId())).isEqualTo(1L);
    }
}
