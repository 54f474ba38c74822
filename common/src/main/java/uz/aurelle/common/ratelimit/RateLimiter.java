package uz.aurelle.common.ratelimit;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import uz.aurelle.common.security.Signatures;

/**
 * Redis GCRA rate limiter (one Lua script, atomic across pods). Usage from reactive code:
 * {@code rateLimiter.check("login-account", phone)} fails with {@link RateLimitExceededException}
 * (rendered as a 429 problem). When Redis is down or slow, critical policies fall back to an
 * in-process limiter (the bound keeps holding per pod); the others fail open.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String SCRIPT = loadScript();

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final LocalGcra local = new LocalGcra();

    public RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Fails with {@link RateLimitExceededException} when over the limit. */
    public Uni<Void> check(String policy, String key) {
        return consume(policy, key).flatMap(d -> d.allowed() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new RateLimitExceededException(d)));
    }

    /** Counts one request against {@code policy} for {@code key}; never fails because of Redis. */
    public Uni<RateLimitDecision> consume(String policy, String key) {
        RateLimitConfig.Policy p = config.policies().get(policy);
        if (p == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown rate-limit policy " + policy));
        }
        long windowMs = Math.max(1, p.window().toMillis());
        long emissionMs = Math.max(1, windowMs / Math.max(1, p.limit()));
        long effectiveWindowMs = emissionMs * p.limit();
        long windowSeconds = Math.max(1, p.window().toSeconds());
        if (!config.enabled()) {
            return Uni.createFrom().item(new RateLimitDecision(policy, p.limit(), windowSeconds, true, p.limit(), 0, 0,
                    RateLimitDecision.Source.DISABLED));
        }
        // Keys may be phones or e-mails: hash them so Redis never holds personal data.
        String bucket = config.keyPrefix() + policy + ":" + Signatures.sha256Hex(key == null ? "" : key);
        return redis.execute("EVAL", SCRIPT, "1", bucket, Long.toString(emissionMs), Long.toString(effectiveWindowMs))
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(r -> decision(policy, p, windowSeconds, toLongs(r), RateLimitDecision.Source.REDIS))
                .onFailure().recoverWithItem(e -> {
                    if (p.critical()) {
                        Log.warnf("Redis unavailable for rate limit %s (%s): in-process fallback", policy, e.toString());
                        return decision(policy, p, windowSeconds, local.acquire(bucket, emissionMs, effectiveWindowMs),
                                RateLimitDecision.Source.LOCAL);
                    }
                    Log.warnf("Redis unavailable for rate limit %s (%s): failing open", policy, e.toString());
                    return new RateLimitDecision(policy, p.limit(), windowSeconds, true, p.limit(), 0, 0,
                            RateLimitDecision.Source.FAIL_OPEN);
                });
    }

    private static RateLimitDecision decision(String policy, RateLimitConfig.Policy p, long windowSeconds, long[] r,
            RateLimitDecision.Source source) {
        return new RateLimitDecision(policy, p.limit(), windowSeconds, r[0] == 1, Math.max(0, r[1]),
                ceilSeconds(r[3]), r[0] == 1 ? 0 : Math.max(1, ceilSeconds(r[2])), source);
    }

    private static long[] toLongs(Response response) {
        long[] values = new long[4];
        for (int i = 0; i < 4; i++) {
            values[i] = response.get(i).toLong();
        }
        return values;
    }

    private static long ceilSeconds(long millis) {
        return (Math.max(0, millis) + 999) / 1000;
    }

    private static String loadScript() {
        try (InputStream in = RateLimiter.class.getResourceAsStream("/aurelle/gcra.lua")) {
            if (in == null) {
                throw new IllegalStateException("aurelle/gcra.lua missing from common");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
