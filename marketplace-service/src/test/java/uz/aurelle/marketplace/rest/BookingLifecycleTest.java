package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

@QuarkusTest
class BookingLifecycleTest {

    @Test
    void clientCancelsWithinTheWindowAndTheSlotFreesUp() {
        SalonFixture f = Fixtures.salon();
        UUID clientId = UUID.randomUUID();
        String token = TestTokens.client(clientId);
        OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), "10:00");
        String id = Api.bookOk(token, f.serviceId(), f.masterId(), start);

        Api.post(token, "/api/bookings/" + id + "/cancel", Map.of("reason", "plans changed")).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("plans changed"));

        given().auth().oauth2(token).get("/api/bookings/" + id + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("CONFIRMED", "CANCELLED")))
                .body("[1].from", equalTo("CONFIRMED")).body("[1].actorRole", equalTo("CLIENT"));
        Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(), start);
        // Finished bookings are immutable.
        Api.post(token, "/api/bookings/" + id + "/cancel", null).then().statusCode(409)
                .body("code", equalTo("invalid_transition"));
    }

    @Test
    void clientCannotCancelInsideTheWindowButTheSalonCanWithAReason() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().cancellationWindowHours(72).horizonDays(30));
        String token = TestTokens.client(UUID.randomUUID());
        String id = Api.bookOk(token, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 2), "10:00"));

        Api.post(token, "/api/bookings/" + id + "/cancel", null).then().statusCode(409)
                .body("code", equalTo("cancellation_window_closed")).body("windowHours", equalTo(72));
        String owner = TestTokens.owner(f.ownerId());
        Api.post(owner, "/api/bookings/" + id + "/cancel", Map.of()).then().statusCode(400)
                .body("code", equalTo("reason_required"));
        Api.post(owner, "/api/bookings/" + id + "/cancel", Map.of("reason", "master is ill")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(Db.scalar("SELECT actor_role FROM booking_status_history WHERE booking_id = ?::uuid"
                + " AND to_status = 'CANCELLED'", id)).isEqualTo("SALON_OWNER");
    }

    @Test
    void strangersSeeNothing() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        String id = Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(Fixtures.daysAhead(f.zone(), 3), "10:00"));

        for (String stranger : List.of(TestTokens.client(UUID.randomUUID()), TestTokens.owner(other.ownerId()),
                TestTokens.master(other.masterUserId()))) {
            given().auth().oauth2(stranger).get("/api/bookings/" + id).then().statusCode(404)
                    .body("code", equalTo("booking_not_found"));
        }
        Api.post(TestTokens.owner(other.ownerId()), "/api/bookings/" + id + "/cancel", Map.of("reason", "x"))
                .then().statusCode(404);
        Api.post(TestTokens.master(other.masterUserId()), "/api/bookings/" + id + "/complete", null)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.owner(other.ownerId()))
                .get("/api/salons/" + f.salonId() + "/bookings?from=" + LocalDate.now()).then().statusCode(404);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/bookings/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.master(f.masterUserId())).get("/api/bookings/" + id).then().statusCode(200);
    }

    @Test
    void completionAndNoShowOnlyAfterTheStart() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String master = TestTokens.master(f.masterUserId());
        String owner = TestTokens.owner(f.ownerId());
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        String first = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "10:00"));
        String second = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "11:00"));

        Api.post(master, "/api/bookings/" + first + "/complete", null).then().statusCode(409)
                .body("code", equalTo("booking_not_started"));

        Api.shiftIntoPast(first);
        Api.post(master, "/api/bookings/" + first + "/complete", null).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        Api.post(owner, "/api/bookings/" + first + "/no-show", null).then().statusCode(409)
                .body("code", equalTo("invalid_transition")).body("from", equalTo("COMPLETED"));
        Api.post(owner, "/api/bookings/" + first + "/cancel", Map.of("reason", "x")).then().statusCode(409)
                .body("code", equalTo("invalid_transition"));
        // A client cannot complete anything.
        Api.post(client, "/api/bookings/" + second + "/complete", null).then().statusCode(403);

        Db.update("UPDATE booking SET starts_at = now() - interval '30 minutes', ends_at = now() + interval"
                + " '30 minutes', occupied_from = now() - interval '30 minutes', occupied_to = now() + interval"
                + " '30 minutes' WHERE id = ?::uuid", second);
        Api.post(client, "/api/bookings/" + second + "/cancel", null).then().statusCode(409)
                .body("code", equalTo("booking_already_started"));
        Api.post(owner, "/api/bookings/" + second + "/no-show", null).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));
    }

    @Test
    void rescheduleCreatesALinkedBookingAtomically() {
        SalonFixture f = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        String old = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "10:00"));
        String blocker = Api.bookOk(TestTokens.client(UUID.randomUUID()), f.serviceId(), f.masterId(),
                f.at(day, "15:00"));

        // Target taken: nothing changes, the old booking stays confirmed.
        Api.post(client, "/api/bookings/" + old + "/reschedule", Map.of("startsAt", f.at(day, "15:00").toString()))
                .then().statusCode(409).body("code", equalTo("slot_taken"));
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", old)).isEqualTo("CONFIRMED");

        // Overlapping its own old time is fine: the old one is cancelled in the same transaction.
        String moved = Api.post(client, "/api/bookings/" + old + "/reschedule",
                        Map.of("startsAt", f.at(day, "10:30").toString()))
                .then().statusCode(201)
                .body("rescheduledFrom", equalTo(old)).body("status", equalTo("CONFIRMED"))
                .body("startsAt", equalTo(day + "T10:30:00+05:00"))
                .extract().path("id");
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", old)).isEqualTo("CANCELLED");
        assertThat(moved).isNotEqualTo(old).isNotEqualTo(blocker);
        Api.post(client, "/api/bookings/" + old + "/reschedule", Map.of("startsAt", f.at(day, "16:00").toString()))
                .then().statusCode(409).body("code", equalTo("invalid_transition"));
    }

    @Test
    void calendarsShowTheRightBookingsToTheRightPeople() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 4);
        String client = TestTokens.client(UUID.randomUUID());
        Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "10:00"));
        Api.bookOk(client, f.serviceId(), f.secondMasterId(), f.at(day, "10:00"));
        Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day.plusDays(2), "10:00"));

        String owner = TestTokens.owner(f.ownerId());
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId() + "/bookings?from=" + day)
                .then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId() + "/bookings?from=" + day + "&days=7")
                .then().statusCode(200).body("$", hasSize(3));
        given().auth().oauth2(owner).get("/api/salons/" + f.salonId() + "/bookings?from=" + day + "&days=90")
                .then().statusCode(400).body("code", equalTo("invalid_date_range"));

        // The master sees only the bookings with themself.
        OffsetDateTime from = OffsetDateTime.now().truncatedTo(ChronoUnit.DAYS);
        given().auth().oauth2(TestTokens.master(f.masterUserId()))
                .queryParam("from", from.toString()).queryParam("to", from.plusDays(30).toString())
                .get("/api/masters/me/bookings")
                .then().statusCode(200).body("$", hasSize(2))
                .body("masterId", equalTo(List.of(f.masterId().toString(), f.masterId().toString())));
        given().auth().oauth2(TestTokens.master(UUID.randomUUID()))
                .queryParam("from", from.toString()).queryParam("to", from.plusDays(30).toString())
                .get("/api/masters/me/bookings").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TestTokens.master(f.masterUserId())).queryParam("from", "yesterday")
                .queryParam("to", from.toString()).get("/api/masters/me/bookings")
                .then().statusCode(400).body("code", equalTo("invalid_parameter"));
        given().auth().oauth2(client).get("/api/bookings/mine?size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("size", equalTo(2));
    }
}
