package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.Salon;
import uz.aurelle.marketplace.SalonOpeningHours;
import uz.aurelle.marketplace.repository.SalonOpeningHoursRepository;

/**
 * A salon's public opening hours and whether it is open now. Times are wall-clock times in the
 * salon's zone; an interval belongs to the weekday it opens on and may run past midnight
 * ({@link SalonOpeningHours}).
 */
@ApplicationScoped
public class OpeningHoursService {

    /** Enough for split shifts (morning, afternoon, evening) without inviting nonsense. */
    private static final int MAX_INTERVALS_PER_DAY = 4;

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;

    private final SalonManagementService salons;
    private final SalonOpeningHoursRepository hours;

    public OpeningHoursService(SalonManagementService salons, SalonOpeningHoursRepository hours) {
        this.salons = salons;
        this.hours = hours;
    }

    public record Interval(Integer dayOfWeek, String opensAt, String closesAt) {
    }

    public record WeekData(List<Interval> hours) {
    }

    public record Week(String timeZone, boolean openNow, List<SalonOpeningHours> hours) {
    }

    public record Detail(Salon salon, Week week) {
    }

    /** The public week of a salon anyone may see (active, or the caller's own / an admin's). */
    @WithSession
    public Uni<Week> week(UUID salonId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull).chain(this::week);
    }

    /** The salon as {@link SalonManagementService#view} shows it, with its week and open-now flag. */
    @WithSession
    public Uni<Detail> detail(UUID salonId, Actor actorOrNull) {
        return salons.view(salonId, actorOrNull).chain(salon -> week(salon).map(week -> new Detail(salon, week)));
    }

    /**
     * Replaces the whole week. The salon row is locked first so two concurrent replacements cannot
     * interleave their deletes and inserts into a mixture of both weeks.
     */
    @WithTransaction
    public Uni<Week> replace(Actor actor, UUID salonId, WeekData data) {
        List<SalonOpeningHours> rows = validate(salonId, data);
        return salons.owned(actor, salonId)
                .call(salon -> Panache.getSession().chain(session -> session.lock(salon,
                        LockModeType.PESSIMISTIC_WRITE)))
                .call(salon -> hours.deleteForSalon(salon.id))
                .call(salon -> Panache.getSession().chain(session -> session.persistAll(rows.toArray())
                        .chain(session::flush)))
                .chain(this::week);
    }

    private Uni<Week> week(Salon salon) {
        return hours.forSalon(salon.id).chain(list -> hours.openNow(salon.id)
                .map(open -> new Week(salon.timeZone, open, list)));
    }

    /** Checks every interval and reports all faulty fields at once, before anything is written. */
    private static List<SalonOpeningHours> validate(UUID salonId, WeekData data) {
        if (data == null || data.hours() == null) {
            throw fieldErrors(List.of(error("hours", "required", "hours is required (an empty list: no hours).")));
        }
        if (data.hours().size() > 7 * MAX_INTERVALS_PER_DAY) {
            throw fieldErrors(List.of(error("hours", "too_many",
                    "At most " + MAX_INTERVALS_PER_DAY + " intervals per day.")));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<SalonOpeningHours> rows = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Map<Integer, Integer> perDay = new HashMap<>();
        for (int i = 0; i < data.hours().size(); i++) {
            Interval in = data.hours().get(i);
            String field = "hours[" + i + "]";
            if (in == null) {
                errors.add(error(field, "required", "An interval is required."));
                continue;
            }
            int before = errors.size();
            if (in.dayOfWeek() == null || in.dayOfWeek() < 1 || in.dayOfWeek() > 7) {
                errors.add(error(field + ".dayOfWeek", "invalid", "dayOfWeek is 1 (Monday) to 7 (Sunday)."));
            }
            LocalTime opens = time(in.opensAt(), false);
            if (opens == null) {
                errors.add(error(field + ".opensAt", "invalid", "opensAt is a time from 00:00 to 23:59."));
            }
            LocalTime closes = time(in.closesAt(), true);
            if (closes == null) {
                errors.add(error(field + ".closesAt", "invalid", "closesAt is a time from 00:00 to 24:00."));
            }
            if (errors.size() > before) {
                continue;
            }
            if (closes.equals(opens) && !opens.equals(LocalTime.MIDNIGHT)) {
                errors.add(error(field + ".closesAt", "invalid",
                        "closesAt equals opensAt; round the clock is 00:00-24:00."));
                continue;
            }
            if (perDay.merge(in.dayOfWeek(), 1, Integer::sum) == MAX_INTERVALS_PER_DAY + 1) {
                errors.add(error(field, "too_many", "At most " + MAX_INTERVALS_PER_DAY + " intervals per day."));
            }
            rows.add(new SalonOpeningHours(salonId, in.dayOfWeek(), opens, closes));
            indexes.add(i);
        }
        for (int b = 0; b < rows.size(); b++) {
            for (int a = 0; a < b; a++) {
                if (overlap(rows.get(a), rows.get(b))) {
                    errors.add(error("hours[" + indexes.get(b) + "]", "overlap",
                            "Overlaps hours[" + indexes.get(a) + "] (also counting intervals past midnight)."));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw fieldErrors(errors);
        }
        return rows;
    }

    /** Both intervals placed on the week as minutes from Monday 00:00, wrapping from Sunday into Monday. */
    private static boolean overlap(SalonOpeningHours x, SalonOpeningHours y) {
        int xs = start(x);
        int ys = start(y);
        return Math.floorMod(ys - xs, WEEK) < length(x) || Math.floorMod(xs - ys, WEEK) < length(y);
    }

    private static int start(SalonOpeningHours h) {
        return (h.dayOfWeek - 1) * DAY + minutes(h.opensAt);
    }

    /** Same rule as aurelle_week_span in V21: not after the opening time means the next day. */
    private static int length(SalonOpeningHours h) {
        int opens = minutes(h.opensAt);
        int closes = minutes(h.closesAt);
        return closes > opens ? closes - opens : closes + DAY - opens;
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /** HH:mm; a closing time may be 24:00, the same midnight as 00:00. */
    private static LocalTime time(String value, boolean closing) {
        if (value == null) {
            return null;
        }
        if (closing && value.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        return TIME.matcher(value).matches() ? LocalTime.parse(value) : null;
    }

    private static Map<String, Object> error(String field, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    private static ApiException fieldErrors(List<Map<String, Object>> errors) {
        return ApiException.badRequest("validation_failed", (String) errors.get(0).get("message"))
                .with("errors", errors);
    }
}
