package uz.aurelle.common.sentry;

import io.sentry.Sentry;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aurelle.common.http.RequestContext;

/** Reports unexpected errors to Sentry when it is enabled (a DSN is configured); a no-op otherwise. */
@ApplicationScoped
public class ErrorReporter {

    public void captureUnhandled(Throwable e) {
        if (Sentry.isEnabled()) {
            Sentry.captureException(e);
        }
    }

    public void requestStarted(RequestContext.RequestInfo request) {
        // Breadcrumbs are added with the Sentry integration.
    }
}
