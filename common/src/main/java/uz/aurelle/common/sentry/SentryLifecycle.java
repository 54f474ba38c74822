package uz.aurelle.common.sentry;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sentry.Sentry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Initialises Sentry at startup when {@code aurelle.sentry.dsn} is set; off (a no-op SDK) otherwise. */
@ApplicationScoped
public class SentryLifecycle {

    private final SentryConfig config;

    public SentryLifecycle(SentryConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        String dsn = config.dsn().map(String::trim).orElse("");
        if (dsn.isEmpty()) {
            Log.debug("Sentry disabled: no aurelle.sentry.dsn");
            return;
        }
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setEnvironment(config.environment());
            config.release().ifPresent(options::setRelease);
            options.setTracesSampleRate(config.tracesSampleRate());
            // Never let the SDK attach IPs, cookies or headers on its own: we add what is safe.
            options.setSendDefaultPii(false);
            options.setBeforeSend(PiiScrubber::beforeSend);
            options.setBeforeBreadcrumb(PiiScrubber::beforeBreadcrumb);
        });
        Log.infof("Sentry enabled (environment %s)", config.environment());
    }

    void stop(@Observes ShutdownEvent event) {
        if (Sentry.isEnabled()) {
            Sentry.flush(2000);
            Sentry.close();
        }
    }
}
