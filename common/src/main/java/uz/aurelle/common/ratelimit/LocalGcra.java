package uz.aurelle.common.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * In-process GCRA with the same arithmetic as {@code aurelle/gcra.lua}: the per-pod bound that
 * critical policies keep while Redis is unreachable.
 */
final class LocalGcra {

    private static final int MAX_BUCKETS = 100_000;

    private final ConcurrentHashMap<String, Long> theoreticalArrival = new ConcurrentHashMap<>();

    /** Returns {allowed, remaining, retryAfterMs, resetMs} like the Lua script. */
    long[] acquire(String key, long emissionMs, long windowMs) {
        long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
        if (theoreticalArrival.size() > MAX_BUCKETS) {
            theoreticalArrival.values().removeIf(tat -> tat < now);
        }
        long[] result = new long[4];
        theoreticalArrival.compute(key, (k, stored) -> {
            long tat = stored == null || stored < now ? now : stored;
            long newTat = tat + emissionMs;
            long allowAt = newTat - windowMs;
            if (now < allowAt) {
                result[0] = 0;
                result[2] = allowAt - now;
                result[3] = tat - now;
                return stored;
            }
            result[0] = 1;
            result[1] = (windowMs - (newTat - now)) / emissionMs;
            result[3] = newTat - now;
            return newTat;
        });
        return result;
    }
}
