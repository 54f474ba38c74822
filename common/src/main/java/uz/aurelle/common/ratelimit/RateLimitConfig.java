package uz.aurelle.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * {@code aurelle.rate-limit.*}. Policies are named by the service, e.g.
 * {@code aurelle.rate-limit.policies.login-account.limit=5},
 * {@code ...login-account.window=60s}, {@code ...login-account.critical=true}.
 */
@ConfigMapping(prefix = "aurelle.rate-limit")
public interface RateLimitConfig {

    /** Off switch (e.g. load tests); checks then always allow. */
    @WithDefault("true")
    boolean enabled();

    /** How long to wait for Redis before treating it as down. */
    @WithDefault("500ms")
    Duration redisTimeout();

    @WithDefault("aurelle:rl:")
    String keyPrefix();

    Map<String, Policy> policies();

    interface Policy {
        /** Requests allowed per window (also the burst). */
        int limit();

        Duration window();

        /** Critical policies (login, refresh, one-time codes) fall back to an in-process limiter when Redis is down. */
        @WithDefault("false")
        boolean critical();
    }
}
