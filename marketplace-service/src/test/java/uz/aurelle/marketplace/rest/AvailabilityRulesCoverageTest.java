package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Per-master durations, buffers and closures as the slot list, the booking API and PostgreSQL apply them. */
@QuarkusTest
class AvailabilityRulesCoverageTest {

    private static List<String> slots(SalonFixture f, UUID master, LocalDate day) {
        return CatalogueManagementTest.slots(f.salonId().toString(), f.serviceId().toString(), master.toString(), day);
    }

    private static String local(SalonFixture f, LocalDate day, String time) {
        return day + "T" + time + ":00+05:00";
    }

    @Test
    void aMastersOwnDurationChangesTheFreeSlotsAndTheBookingsEnd() {
        SalonFixture f = Fixtures.salon(); // 60 min, 09:00-18:00, break 13:00-14:00, 30 min grid
        LocalDate day = Fixtures.daysAhead(f.zone(), 4);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON)
                .body(Map.of("durationMinutes", 90))
                .put("/api/salons/{s}/masters/{m}/services/{v}", f.salonId(), f.masterId(), f.serviceId())
                .then().statusCode(200);

        assertThat(slots(f, f.masterId(), day)).containsExactly(
                local(f, day, "09:00"), local(f, day, "09:30"), local(f, day, "10:00"), local(f, day, "10:30"),
                local(f, day, "11:00"), local(f, day, "11:30"),
                local(f, day, "14:00"), local(f, day, "14:30"), local(f, day, "15:00"), local(f, day, "15:30"),
                local(f, day, "16:00"), local(f, day, "16:30"));
        // The other master keeps the service's 60 minutes: 12:00 and 17:00 still fit.
        assertThat(slots(f, f.secondMasterId(), day)).contains(local(f, day, "12:00"), local(f, day, "17:00"));

        String client = TestTokens.client(UUID.randomUUID());
        Api.book(client, f.serviceId(), f.masterId(), f.at(day, "12:00")).then().statusCode(422)
                .body("code", equalTo("slot_unavailable"));
        String endsAt = Api.book(client, f.serviceId(), f.masterId(), f.at(day, "11:30")).then().statusCode(201)
                .extract().path("endsAt");
        assertThat(OffsetDateTime.parse(endsAt)).isEqualTo(f.at(day, "13:00"));
        assertThat(slots(f, f.masterId(), day)).doesNotContain(local(f, day, "10:30"), local(f, day, "11:30"));
    }

    @Test
    void theBeforeBufferIsPartOfTheOccupiedRange() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().buffers(30, 0));
        LocalDate day = Fixtures.daysAhead(f.zone(), 4);
        String client = TestTokens.client(UUID.randomUUID());
        Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "11:00")); // occupies 10:30-12:00

        List<String> free = slots(f, f.masterId(), day);
        // 09:30-10:30 (own buffer 09:00) ends exactly where the other booking's buffer begins.
        assertThat(free).contains(local(f, day, "09:30"));
        // 10:00-11:00 ends when the booking starts, but inside its before-buffer.
        assertThat(free).doesNotContain(local(f, day, "10:00"), local(f, day, "10:30"), local(f, day, "11:00"));
        Api.book(client, f.serviceId(), f.masterId(), f.at(day, "10:00")).then().statusCode(409)
                .body("code", equalTo("slot_taken"));
    }

    @Test
    void postgresRefusesActiveBookingsWhoseBufferedRangesOverlap() {
        SalonFixture f = Fixtures.salon();
        insert(f, "2031-05-05T10:00:00+05:00", "2031-05-05T11:00:00+05:00", "2031-05-05T10:00:00+05:00",
                "2031-05-05T11:00:00+05:00");
        // Starts when the first ends, but its 30 min before-buffer reaches back into it.
        assertThatThrownBy(() -> insert(f, "2031-05-05T11:00:00+05:00", "2031-05-05T12:00:00+05:00",
                "2031-05-05T10:30:00+05:00", "2031-05-05T12:00:00+05:00"))
                .hasCauseInstanceOf(SQLException.class)
                .satisfies(e -> {
                    SQLException sql = (SQLException) e.getCause();
                    assertThat(sql.getSQLState()).isEqualTo("23P01");
                    assertThat(sql.getMessage()).contains("booking_no_overlap");
                });
        // Without the overlap of the buffered ranges the same times are fine.
        insert(f, "2031-05-05T11:00:00+05:00", "2031-05-05T12:00:00+05:00", "2031-05-05T11:00:00+05:00",
                "2031-05-05T12:00:00+05:00");
    }

    private static void insert(SalonFixture f, String startsAt, String endsAt, String occupiedFrom, String occupiedTo) {
        Db.update("INSERT INTO booking (id, client_id, salon_id, service_id, master_id, starts_at, ends_at,"
                        + " occupied_from, occupied_to, time_zone, status, service_title, price_tiyin, amount_tiyin,"
                        + " prepayment_required) VALUES (?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz,"
                        + " ?::timestamptz, ?::timestamptz, 'Asia/Tashkent', 'CONFIRMED', 'Soch olish', 100, 100, false)",
                UUID.randomUUID(), UUID.randomUUID(), f.salonId(), f.serviceId(), f.masterId(), startsAt, endsAt,
                occupiedFrom, occupiedTo);
    }

    @Test
    void bookingInsideASalonClosureIsRefusedWithTheClosureReason() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 5);
        given().auth().oauth2(TestTokens.owner(f.ownerId())).contentType(ContentType.JSON)
                .body(Map.of("startsAt", f.at(day, "12:00").toString(), "endsAt", f.at(day, "16:00").toString()))
                .post("/api/salons/{s}/closures", f.salonId()).then().statusCode(201);
        String client = TestTokens.client(UUID.randomUUID());
        Api.book(client, f.serviceId(), f.masterId(), f.at(day, "14:30")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("slot_unavailable"))
                .body("reason", equalTo("SALON_CLOSED"));
        // Reaching into the closure is refused the same way; ending at its start is fine.
        Api.book(client, f.serviceId(), f.masterId(), f.at(day, "11:30")).then().statusCode(422)
                .body("reason", equalTo("SALON_CLOSED"));
        Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "11:00"));
        assertThat(slots(f, f.masterId(), day)).noneMatch(s -> s.compareTo(local(f, day, "11:30")) >= 0
                && s.compareTo(local(f, day, "16:00")) < 0);
    }
}
