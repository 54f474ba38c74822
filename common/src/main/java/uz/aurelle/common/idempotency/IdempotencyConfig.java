package uz.aurelle.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code aurelle.idempotency.*}. */
@ConfigMapping(prefix = "aurelle.idempotency")
public interface IdempotencyConfig {

    /** How long a completed response is replayed (Stripe: 24 h). */
    @WithDefault("24h")
    Duration retention();

    /** How long a claim survives without completing (e.g. the pod died mid-request). */
    @WithDefault("60s")
    Duration inFlightTimeout();

    @WithDefault("aurelle:idem:")
    String keyPrefix();
}
