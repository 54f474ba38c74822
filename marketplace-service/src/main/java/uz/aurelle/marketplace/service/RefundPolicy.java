package uz.aurelle.marketplace.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uz.aurelle.common.error.ApiException;

/**
 * A salon's refund tiers, e.g. {@code 24:100,12:50,0:0}: cancelling at least 24 h before the start
 * refunds 100 %, at least 12 h 50 %, later nothing. Stored as that text on the salon.
 */
public record RefundPolicy(List<Tier> tiers) {

    public record Tier(int minHoursBefore, int percent) {
    }

    public static RefundPolicy parse(String text) {
        List<Tier> tiers = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] kv = part.trim().split(":");
                int hours = Integer.parseInt(kv[0]);
                int percent = Integer.parseInt(kv[1]);
                if (hours < 0 || percent < 0 || percent > 100 || kv.length != 2) {
                    throw new IllegalArgumentException(part);
                }
                tiers.add(new Tier(hours, percent));
            }
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_refund_tiers",
                    "Refund tiers look like '24:100,12:50,0:0' (hours before start : percent).");
        }
        tiers.sort(Comparator.comparingInt(Tier::minHoursBefore).reversed());
        return new RefundPolicy(List.copyOf(tiers));
    }

    /** The percentage refunded when cancelling {@code before} the start (0 when no tier applies). */
    public int percentFor(Duration before) {
        long minutes = before.toMinutes();
        for (Tier tier : tiers) {
            if (minutes >= tier.minHoursBefore() * 60L) {
                return tier.percent();
            }
        }
        return 0;
    }

    public String format() {
        return String.join(",", tiers.stream().map(t -> t.minHoursBefore() + ":" + t.percent()).toList());
    }
}
