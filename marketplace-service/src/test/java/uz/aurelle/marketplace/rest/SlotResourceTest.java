package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class SlotResourceTest {

    static List<String> starts(SalonFixture f, LocalDate day, UUID masterId) {
        var spec = given().queryParam("serviceId", f.serviceId()).queryParam("from", day.toString());
        if (masterId != null) {
            spec = spec.queryParam("masterId", masterId);
        }
        return spec.get("/api/salons/{id}/slots", f.salonId()).then().statusCode(200)
                .extract().jsonPath().getList("slots.startsAt");
    }

    @Test
    void listsLocalSlotsOfOneMasterWithTheZoneOffset() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().slotInterval(60));
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);

        List<String> slots = starts(f, day, f.masterId());

        assertThat(slots).containsExactly(day + "T09:00:00+05:00", day + "T10:00:00+05:00", day + "T11:00:00+05:00",
                day + "T12:00:00+05:00", day + "T14:00:00+05:00", day + "T15:00:00+05:00", day + "T16:00:00+05:00",
                day + "T17:00:00+05:00");
    }

    @Test
    void anyMasterListsEachMastersSlots() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().slotInterval(60));
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);

        given().queryParam("serviceId", f.serviceId()).queryParam("from", day.toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tashkent"))
                .body("slots", hasSize(16))
                .body("slots.findAll { it.startsAt == '" + day + "T09:00:00+05:00' }.masterId",
                        org.hamcrest.Matchers.containsInAnyOrder(f.masterId().toString(),
                                f.secondMasterId().toString()));
    }

    @Test
    void bookedTimeAndLiveHoldDisappearButLapsedHoldDoesNot() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().slotInterval(60).prepayment(true));
        LocalDate day = Fixtures.daysAhead(f.zone(), 4);
        String client = TestTokens.client(UUID.randomUUID());
        String id = given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(new BookingResource.CreateBookingRequest(f.serviceId(), f.masterId(), f.at(day, "10:00"), null))
                .post("/api/bookings").then().statusCode(201).extract().path("id");

        assertThat(starts(f, day, f.masterId())).doesNotContain(day + "T10:00:00+05:00");

        Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = ?::uuid", id);
        assertThat(starts(f, day, f.masterId())).contains(day + "T10:00:00+05:00");
    }

    @Test
    void dayOffHasNoSlots() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 5);
        Fixtures.dayOff(f.masterId(), day);

        assertThat(starts(f, day, f.masterId())).isEmpty();
        assertThat(starts(f, day, f.secondMasterId())).isNotEmpty();
    }

    @Test
    void badRequestsAreClearProblems() {
        SalonFixture f = Fixtures.salon();
        LocalDate day = Fixtures.daysAhead(f.zone(), 2);

        given().queryParam("serviceId", f.serviceId()).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(40).toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_date_range"));
        given().queryParam("serviceId", f.serviceId()).queryParam("from", day.toString())
                .queryParam("to", day.minusDays(1).toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(400).body("code", equalTo("invalid_date_range"));
        given().queryParam("serviceId", UUID.randomUUID()).queryParam("from", day.toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(404).body("code", equalTo("service_not_found"));
        given().queryParam("serviceId", f.otherServiceId()).queryParam("from", day.toString())
                .queryParam("masterId", f.secondMasterId())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(422).body("code", equalTo("master_not_offering_service"));
        given().queryParam("from", day.toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        given().queryParam("serviceId", f.serviceId()).queryParam("from", "tomorrow")
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(400).body("code", equalTo("invalid_parameter")).body("parameter", equalTo("from"));
    }

    @Test
    void unapprovedSalonIsNotPublic() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().status("PENDING_REVIEW"));
        given().queryParam("serviceId", f.serviceId()).queryParam("from", Fixtures.daysAhead(f.zone(), 2).toString())
                .get("/api/salons/{id}/slots", f.salonId())
                .then().statusCode(404).body("code", equalTo("salon_not_found"));
    }

    @Test
    void berlinSalonSlotsCarryTheSummerOffsetAfterTheSwitch() {
        SalonFixture f = Fixtures.salon(Fixtures.spec().zone("Europe/Berlin").slotInterval(60).horizonDays(365)
                .hours("09:00", "11:00").noBreak());
        // The next spring-forward Sunday after today.
        LocalDate day = LocalDate.now(f.zone());
        while (!f.zone().getRules().isDaylightSavings(day.plusDays(1).atStartOfDay(f.zone()).toInstant())
                || f.zone().getRules().isDaylightSavings(day.atStartOfDay(f.zone()).toInstant())) {
            day = day.plusDays(1);
        }
        List<String> slots = starts(f, day, f.masterId());
        assertThat(slots).containsExactly(day + "T09:00:00+02:00", day + "T10:00:00+02:00");
        assertThat(starts(f, day.minusDays(1), f.masterId()))
                .containsExactly(day.minusDays(1) + "T09:00:00+01:00", day.minusDays(1) + "T10:00:00+01:00");
    }
}
