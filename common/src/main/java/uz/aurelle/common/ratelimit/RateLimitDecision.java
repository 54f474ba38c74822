package uz.aurelle.common.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one check. {@code source} tells where it was decided: REDIS (normal),
 * LOCAL (Redis down, critical policy, in-process bound) or FAIL_OPEN (Redis down, non-critical).
 */
public record RateLimitDecision(String policy, int limit, long windowSeconds, boolean allowed, long remaining,
        long resetSeconds, long retryAfterSeconds, Source source) {

    public enum Source {
        REDIS, LOCAL, FAIL_OPEN, DISABLED
    }

    /** {@code RateLimit-Policy}, {@code RateLimit} (IETF draft) and {@code RateLimit-Limit/Remaining/Reset}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds);
        headers.put("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
