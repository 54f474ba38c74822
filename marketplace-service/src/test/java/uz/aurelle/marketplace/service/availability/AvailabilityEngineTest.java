package uz.aurelle.marketplace.service.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Buffers;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Interval;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.MasterSchedule;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Policy;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Slot;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.TimeWindow;
import uz.aurelle.marketplace.service.availability.AvailabilityEngine.Verdict;

class AvailabilityEngineTest {

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID MASTER = UUID.randomUUID();
    // Monday 2026-12-07 in Tashkent
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    static TimeWindow w(String from, String to) {
        return new TimeWindow(LocalTime.parse(from), LocalTime.parse(to));
    }

    static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    static MasterSchedule schedule(int duration, Map<DayOfWeek, List<TimeWindow>> weekly,
                                   Map<DayOfWeek, List<TimeWindow>> breaks,
                                   Map<LocalDate, Optional<TimeWindow>> overrides, List<Interval> busy) {
        return new MasterSchedule(MASTER, duration, weekly, breaks, overrides, busy);
    }

    static MasterSchedule mondayNineToSix(List<Interval> busy) {
        return schedule(60, Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "18:00"))),
                Map.of(DayOfWeek.MONDAY, List.of(w("13:00", "14:00"))), Map.of(), busy);
    }

    static List<String> starts(List<Slot> slots, ZoneId zone) {
        return slots.stream().map(s -> s.start().atZone(zone).toOffsetDateTime().toString()).toList();
    }

    final Policy tashkent = new Policy(TASHKENT, 60, 60, 30);
    final Instant sundayEvening = at("2026-12-06T20:00:00+05:00");

    @Test
    void tashkentDayIsHoursMinusBreakSteppedByInterval() {
        List<Slot> slots = AvailabilityEngine.freeSlots(tashkent, List.of(), mondayNineToSix(List.of()),
                Buffers.NONE, MONDAY, MONDAY, sundayEvening);

        assertThat(starts(slots, TASHKENT)).containsExactly(
                "2026-12-07T09:00+05:00", "2026-12-07T10:00+05:00", "2026-12-07T11:00+05:00",
                "2026-12-07T12:00+05:00", "2026-12-07T14:00+05:00", "2026-12-07T15:00+05:00",
                "2026-12-07T16:00+05:00", "2026-12-07T17:00+05:00");
        assertThat(slots.get(0).end()).isEqualTo(at("2026-12-07T10:00:00+05:00"));
        assertThat(slots).allMatch(s -> s.masterId().equals(MASTER));
    }

    @Test
    void existingBookingsBlockWithBothBuffers() {
        // booked 11:00-12:00 with its own 15 min after-buffer -> occupied until 12:15
        Interval booked = new Interval(at("2026-12-07T11:00:00+05:00"), at("2026-12-07T12:15:00+05:00"));
        Policy halfHourly = new Policy(TASHKENT, 30, 0, 30);
        Buffers newServiceBuffers = new Buffers(15, 0);
        MasterSchedule noBreak = schedule(60, Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "18:00"))), Map.of(),
                Map.of(), List.of(booked));

        List<Slot> slots = AvailabilityEngine.freeSlots(halfHourly, List.of(), noBreak,
                newServiceBuffers, MONDAY, MONDAY, sundayEvening);

        // 10:00 ends 11:00 (fine); 10:30 overlaps; 12:00 would start within the other's buffer once widened
        // by this service's 15 min before-buffer; 12:30 -> occupied from 12:15, free.
        assertThat(starts(slots, TASHKENT)).contains("2026-12-07T10:00+05:00", "2026-12-07T12:30+05:00")
                .doesNotContain("2026-12-07T10:30+05:00", "2026-12-07T11:00+05:00", "2026-12-07T11:30+05:00",
                        "2026-12-07T12:00+05:00");
        assertThat(AvailabilityEngine.check(halfHourly, List.of(), noBreak, newServiceBuffers,
                at("2026-12-07T12:00:00+05:00"), sundayEvening)).isEqualTo(Verdict.TAKEN);
    }

    @Test
    void pastAndMinimumNoticeAreDropped() {
        Instant now = at("2026-12-07T10:10:00+05:00");
        List<Slot> slots = AvailabilityEngine.freeSlots(tashkent, List.of(), mondayNineToSix(List.of()),
                Buffers.NONE, MONDAY, MONDAY, now);

        assertThat(starts(slots, TASHKENT)).first().isEqualTo("2026-12-07T12:00+05:00");
        MasterSchedule s = mondayNineToSix(List.of());
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T10:00:00+05:00"), now))
                .isEqualTo(Verdict.IN_PAST);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T11:00:00+05:00"), now))
                .isEqualTo(Verdict.TOO_SHORT_NOTICE);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T12:00:00+05:00"), now))
                .isEqualTo(Verdict.FREE);
    }

    @Test
    void horizonLimitsTheRange() {
        Policy weekAhead = new Policy(TASHKENT, 60, 0, 7);
        MasterSchedule s = mondayNineToSix(List.of());
        assertThat(AvailabilityEngine.freeSlots(weekAhead, List.of(), s, Buffers.NONE, MONDAY.plusDays(7),
                MONDAY.plusDays(7), at("2026-12-06T20:00:00+05:00"))).isEmpty();
        assertThat(AvailabilityEngine.freeSlots(weekAhead, List.of(), s, Buffers.NONE, MONDAY, MONDAY,
                at("2026-12-06T20:00:00+05:00"))).hasSize(8);
        assertThat(AvailabilityEngine.check(weekAhead, List.of(), s, Buffers.NONE, at("2026-12-14T09:00:00+05:00"),
                at("2026-12-06T20:00:00+05:00"))).isEqualTo(Verdict.BEYOND_HORIZON);
    }

    @Test
    void dayOffOverrideAndClosureRemoveTheDay() {
        MasterSchedule off = schedule(60, Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "18:00"))), Map.of(),
                Map.of(MONDAY, Optional.empty()), List.of());
        assertThat(AvailabilityEngine.freeSlots(tashkent, List.of(), off, Buffers.NONE, MONDAY, MONDAY,
                sundayEvening)).isEmpty();
        assertThat(AvailabilityEngine.check(tashkent, List.of(), off, Buffers.NONE, at("2026-12-07T10:00:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.DAY_OFF);

        List<Interval> closed = List.of(new Interval(at("2026-12-07T00:00:00+05:00"), at("2026-12-07T12:00:00+05:00")));
        MasterSchedule s = mondayNineToSix(List.of());
        assertThat(starts(AvailabilityEngine.freeSlots(tashkent, closed, s, Buffers.NONE, MONDAY, MONDAY,
                sundayEvening), TASHKENT)).first().isEqualTo("2026-12-07T12:00+05:00");
        assertThat(AvailabilityEngine.check(tashkent, closed, s, Buffers.NONE, at("2026-12-07T10:00:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.SALON_CLOSED);
    }

    @Test
    void overrideWithHoursReplacesTheWeeklyHours() {
        MasterSchedule s = schedule(60, Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "18:00"))),
                Map.of(DayOfWeek.MONDAY, List.of(w("13:00", "14:00"))), Map.of(MONDAY, Optional.of(w("12:00", "15:00"))),
                List.of());
        assertThat(starts(AvailabilityEngine.freeSlots(tashkent, List.of(), s, Buffers.NONE, MONDAY, MONDAY,
                sundayEvening), TASHKENT)).containsExactly("2026-12-07T12:00+05:00", "2026-12-07T13:00+05:00",
                "2026-12-07T14:00+05:00");
    }

    @Test
    void verdictsExplainWhyAStartIsRefused() {
        MasterSchedule s = mondayNineToSix(List.of());
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T13:00:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.IN_BREAK);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T12:30:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.IN_BREAK);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T17:30:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.OUTSIDE_HOURS);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T07:00:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.OUTSIDE_HOURS);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-08T10:00:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.OUTSIDE_HOURS);
        assertThat(AvailabilityEngine.check(tashkent, List.of(), s, Buffers.NONE, at("2026-12-07T09:20:00+05:00"),
                sundayEvening)).isEqualTo(Verdict.NOT_ON_GRID);
    }

    @Test
    void berlinSpringForwardKeepsWallClockSlots() {
        LocalDate saturday = LocalDate.of(2026, 3, 28);
        LocalDate sunday = LocalDate.of(2026, 3, 29); // 02:00 -> 03:00
        Policy berlin = new Policy(BERLIN, 60, 0, 60);
        MasterSchedule s = schedule(60, Map.of(DayOfWeek.SATURDAY, List.of(w("09:00", "12:00")),
                DayOfWeek.SUNDAY, List.of(w("09:00", "12:00"))), Map.of(), Map.of(), List.of());
        Instant now = at("2026-03-27T12:00:00+01:00");

        List<Slot> slots = AvailabilityEngine.freeSlots(berlin, List.of(), s, Buffers.NONE, saturday, sunday, now);

        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2026-03-28T08:00:00Z"), Instant.parse("2026-03-28T09:00:00Z"),
                Instant.parse("2026-03-28T10:00:00Z"),
                Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-29T08:00:00Z"),
                Instant.parse("2026-03-29T09:00:00Z"));
    }

    @Test
    void berlinOvernightShiftAcrossBothTransitionsHasRealLength() {
        Policy berlin = new Policy(BERLIN, 60, 0, 400);
        MasterSchedule lateShift = schedule(60, Map.of(DayOfWeek.SATURDAY, List.of(w("22:00", "04:00"))), Map.of(),
                Map.of(), List.of());
        Instant now = at("2026-03-01T12:00:00+01:00");

        // Spring: the 02:00-03:00 hour does not exist, 22:00-04:00 lasts 5 hours.
        List<Slot> spring = AvailabilityEngine.freeSlots(berlin, List.of(), lateShift, Buffers.NONE,
                LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), now);
        assertThat(spring).extracting(Slot::start).containsExactly(
                Instant.parse("2026-03-28T21:00:00Z"), Instant.parse("2026-03-28T22:00:00Z"),
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(spring.get(4).end()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));

        // Autumn: 02:00-03:00 happens twice, 22:00-04:00 lasts 7 hours.
        List<Slot> autumn = AvailabilityEngine.freeSlots(berlin, List.of(), lateShift, Buffers.NONE,
                LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25), now);
        assertThat(autumn).hasSize(7);
        assertThat(autumn.get(0).start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertThat(autumn.get(6).end()).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
    }

    @Test
    void lateEveningScheduleStaysOnItsLocalDate() {
        // New York evening slots fall on the next UTC date; they must be listed under the local date only.
        Policy newYork = new Policy(NEW_YORK, 30, 0, 60);
        LocalDate tuesday = LocalDate.of(2026, 11, 3); // the Tuesday after the 1 Nov fall-back
        MasterSchedule evening = schedule(60, Map.of(DayOfWeek.TUESDAY, List.of(w("18:00", "23:30"))), Map.of(),
                Map.of(), List.of());
        Instant now = at("2026-11-01T12:00:00-05:00");

        List<Slot> onTuesday = AvailabilityEngine.freeSlots(newYork, List.of(), evening, Buffers.NONE, tuesday,
                tuesday, now);
        assertThat(starts(onTuesday, NEW_YORK)).first().isEqualTo("2026-11-03T18:00-05:00");
        assertThat(starts(onTuesday, NEW_YORK)).last().isEqualTo("2026-11-03T22:30-05:00");
        assertThat(onTuesday).hasSize(10);
        assertThat(AvailabilityEngine.freeSlots(newYork, List.of(), evening, Buffers.NONE, tuesday.plusDays(1),
                tuesday.plusDays(1), now)).isEmpty();
    }

    @Test
    void tashkentOffsetIsTakenFromTheZoneDatabase() {
        // Asia/Tashkent is UTC+5 all year: no summer shift in July.
        MasterSchedule s = schedule(60, Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "10:00"))), Map.of(), Map.of(),
                List.of());
        List<Slot> july = AvailabilityEngine.freeSlots(new Policy(TASHKENT, 60, 0, 365), List.of(), s,
                Buffers.NONE, LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 5), at("2026-12-06T20:00:00+05:00"));
        assertThat(july).extracting(Slot::start).containsExactly(Instant.parse("2027-07-05T04:00:00Z"));
    }
}
