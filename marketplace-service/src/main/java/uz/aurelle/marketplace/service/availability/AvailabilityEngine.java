package uz.aurelle.marketplace.service.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Free-slot computation (the Easy!Appointments / Cal.com recipe), pure and clock-free so it can be
 * tested exhaustively and re-run unchanged when a booking is written.
 *
 * <p>Wall-clock schedule times are resolved in the salon's zone for each calendar date, so DST days
 * simply have shorter/longer absolute windows; every comparison afterwards is on {@link Instant}s.
 * An existing booking blocks a candidate when {@code [start - bufferBefore, end + bufferAfter)} of the
 * candidate overlaps the booking's own buffered range - exactly what the database exclusion
 * constraint enforces.
 */
public final class AvailabilityEngine {

    private AvailabilityEngine() {
    }

    /** A wall-clock window; {@code end <= start} means it ends on the next day (late shifts). */
    public record TimeWindow(LocalTime start, LocalTime end) {
        public boolean overnight() {
            return !end.isAfter(start);
        }
    }

    /** A half-open absolute interval {@code [start, end)}. */
    public record Interval(Instant start, Instant end) {
        public boolean overlaps(Interval other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }

        public boolean contains(Interval other) {
            return !other.start.isBefore(start) && !other.end.isAfter(end);
        }
    }

    /** Booking rules of the salon. */
    public record Policy(ZoneId zone, int slotIntervalMinutes, int minNoticeMinutes, int horizonDays) {
    }

    /**
     * One master's schedule for the service asked about.
     *
     * @param overrides per date: an empty Optional is a day off, a window replaces the weekly hours
     * @param busy      active bookings and live holds, already widened by their own buffers
     */
    public record MasterSchedule(UUID masterId, int durationMinutes,
                                 Map<DayOfWeek, List<TimeWindow>> weekly,
                                 Map<DayOfWeek, List<TimeWindow>> breaks,
                                 Map<LocalDate, Optional<TimeWindow>> overrides,
                                 List<Interval> busy) {
    }

    /** The new service's buffers. */
    public record Buffers(int beforeMinutes, int afterMinutes) {
        public static final Buffers NONE = new Buffers(0, 0);
    }

    public record Slot(Instant start, Instant end, UUID masterId) {
    }

    /** Why a requested start is not bookable. */
    public enum Verdict {
        FREE, IN_PAST, TOO_SHORT_NOTICE, BEYOND_HORIZON, DAY_OFF, SALON_CLOSED, IN_BREAK, OUTSIDE_HOURS,
        NOT_ON_GRID, TAKEN
    }

    /** Free starts of one master whose local date lies in {@code [from, to]}, ascending. */
    public static List<Slot> freeSlots(Policy policy, List<Interval> closures, MasterSchedule master,
                                       Buffers buffers, LocalDate from, LocalDate to, Instant now) {
        Instant earliest = now.plus(Duration.ofMinutes(policy.minNoticeMinutes()));
        LocalDate lastDate = lastBookableDate(policy, now);
        List<Slot> slots = new ArrayList<>();
        for (Instant start : candidates(policy, closures, master, from, to)) {
            LocalDate date = start.atZone(policy.zone()).toLocalDate();
            if (start.isBefore(earliest) || !start.isAfter(now) || date.isAfter(lastDate)) {
                continue;
            }
            Instant end = start.plus(Duration.ofMinutes(master.durationMinutes()));
            if (!isBusy(master, buffers, start, end)) {
                slots.add(new Slot(start, end, master.masterId()));
            }
        }
        return slots;
    }

    /** The same rules as {@link #freeSlots}, answered for one requested start with the reason it fails. */
    public static Verdict check(Policy policy, List<Interval> closures, MasterSchedule master, Buffers buffers,
                                Instant start, Instant now) {
        if (!start.isAfter(now)) {
            return Verdict.IN_PAST;
        }
        if (start.isBefore(now.plus(Duration.ofMinutes(policy.minNoticeMinutes())))) {
            return Verdict.TOO_SHORT_NOTICE;
        }
        LocalDate date = start.atZone(policy.zone()).toLocalDate();
        if (date.isAfter(lastBookableDate(policy, now))) {
            return Verdict.BEYOND_HORIZON;
        }
        Instant end = start.plus(Duration.ofMinutes(master.durationMinutes()));
        if (candidates(policy, closures, master, date, date).contains(start)) {
            return isBusy(master, buffers, start, end) ? Verdict.TAKEN : Verdict.FREE;
        }
        return explainStructural(policy, closures, master, new Interval(start, end), date);
    }

    public static LocalDate lastBookableDate(Policy policy, Instant now) {
        return now.atZone(policy.zone()).toLocalDate().plusDays(policy.horizonDays());
    }

    private static boolean isBusy(MasterSchedule master, Buffers buffers, Instant start, Instant end) {
        Interval occupied = new Interval(start.minus(Duration.ofMinutes(buffers.beforeMinutes())),
                end.plus(Duration.ofMinutes(buffers.afterMinutes())));
        return master.busy().stream().anyMatch(occupied::overlaps);
    }

    /** Grid starts inside working windows minus breaks and closures, ignoring clock and bookings. */
    private static List<Instant> candidates(Policy policy, List<Interval> closures, MasterSchedule master,
                                            LocalDate from, LocalDate to) {
        Duration duration = Duration.ofMinutes(master.durationMinutes());
        Duration step = Duration.ofMinutes(policy.slotIntervalMinutes());
        List<Instant> starts = new ArrayList<>();
        // An overnight shift of the previous day may produce starts on the first date.
        for (LocalDate date = from.minusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            for (Interval window : workingWindows(policy.zone(), master, date)) {
                List<Interval> blocked = new ArrayList<>(breakIntervals(policy.zone(), master, date, window));
                blocked.addAll(closures);
                for (Interval piece : subtract(window, blocked)) {
                    for (Instant s = piece.start(); !s.plus(duration).isAfter(piece.end()); s = s.plus(step)) {
                        LocalDate local = s.atZone(policy.zone()).toLocalDate();
                        if (!local.isBefore(from) && !local.isAfter(to)) {
                            starts.add(s);
                        }
                    }
                }
            }
        }
        starts.sort(Comparator.naturalOrder());
        return starts;
    }

    private static Verdict explainStructural(Policy policy, List<Interval> closures, MasterSchedule master,
                                             Interval wanted, LocalDate date) {
        Optional<TimeWindow> override = master.overrides().getOrDefault(date, null);
        boolean dayOff = override != null && override.isEmpty();
        if (dayOff && workingWindows(policy.zone(), master, date.minusDays(1)).stream()
                .noneMatch(w -> w.contains(wanted))) {
            return Verdict.DAY_OFF;
        }
        if (closures.stream().anyMatch(wanted::overlaps)) {
            return Verdict.SALON_CLOSED;
        }
        for (LocalDate d = date.minusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
            for (Interval window : workingWindows(policy.zone(), master, d)) {
                if (window.contains(wanted)) {
                    return breakIntervals(policy.zone(), master, d, window).stream().anyMatch(wanted::overlaps)
                            ? Verdict.IN_BREAK : Verdict.NOT_ON_GRID;
                }
            }
        }
        return Verdict.OUTSIDE_HOURS;
    }

    private static List<Interval> workingWindows(ZoneId zone, MasterSchedule master, LocalDate date) {
        List<TimeWindow> windows;
        Optional<TimeWindow> override = master.overrides().getOrDefault(date, null);
        if (override != null) {
            windows = override.map(List::of).orElse(List.of());
        } else {
            windows = master.weekly().getOrDefault(date.getDayOfWeek(), List.of());
        }
        return windows.stream().map(w -> resolve(zone, date, w)).toList();
    }

    /** Weekly breaks apply to weekly hours only; an override states the day's hours explicitly. */
    private static List<Interval> breakIntervals(ZoneId zone, MasterSchedule master, LocalDate date,
                                                 Interval window) {
        if (master.overrides().containsKey(date)) {
            return List.of();
        }
        List<Interval> result = new ArrayList<>();
        for (TimeWindow b : master.breaks().getOrDefault(date.getDayOfWeek(), List.of())) {
            // A break of a late shift may fall after midnight, i.e. on the next calendar date.
            for (LocalDate d = date; !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
                Interval interval = resolve(zone, d, b);
                if (interval.overlaps(window)) {
                    result.add(interval);
                    break;
                }
            }
        }
        return result;
    }

    private static Interval resolve(ZoneId zone, LocalDate date, TimeWindow window) {
        Instant start = ZonedDateTime.of(date, window.start(), zone).toInstant();
        LocalDate endDate = window.overnight() ? date.plusDays(1) : date;
        Instant end = ZonedDateTime.of(endDate, window.end(), zone).toInstant();
        return new Interval(start, end);
    }

    private static List<Interval> subtract(Interval window, List<Interval> blocked) {
        List<Interval> pieces = new ArrayList<>(List.of(window));
        for (Interval block : blocked) {
            List<Interval> next = new ArrayList<>();
            for (Interval piece : pieces) {
                if (!piece.overlaps(block)) {
                    next.add(piece);
                    continue;
                }
                if (piece.start().isBefore(block.start())) {
                    next.add(new Interval(piece.start(), block.start()));
                }
                if (block.end().isBefore(piece.end())) {
                    next.add(new Interval(block.end(), piece.end()));
                }
            }
            pieces = next;
        }
        return pieces;
    }
}
