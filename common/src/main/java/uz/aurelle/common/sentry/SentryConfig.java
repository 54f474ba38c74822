package uz.aurelle.common.sentry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code aurelle.sentry.*}: Sentry stays off unless a DSN is configured. */
@ConfigMapping(prefix = "aurelle.sentry")
public interface SentryConfig {

    /** e.g. {@code https://<key>@o0.ingest.sentry.io/<project>}; from a Secret / env {@code AURELLE_SENTRY_DSN}. */
    Optional<String> dsn();

    @WithDefault("local")
    String environment();

    Optional<String> release();

    /** Share of requests traced for performance (0 = errors only). */
    @WithDefault("0.0")
    double tracesSampleRate();
}
