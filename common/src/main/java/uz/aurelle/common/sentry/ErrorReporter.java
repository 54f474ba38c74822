package uz.aurelle.common.sentry;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uz.aurelle.common.http.RequestContext;

/**
 * Sends errors to Sentry with the request's context (method, path, scrubbed query, request id,
 * user id only, this request's breadcrumbs). Every call is a no-op when Sentry is off. Breadcrumbs
 * are kept per request (on its Vert.x context), so concurrent requests never mix theirs.
 */
@ApplicationScoped
public class ErrorReporter {

    private static final String BREADCRUMBS = "aurelle.sentry.breadcrumbs";
    private static final int MAX_BREADCRUMBS = 50;

    /** The 500 path: an exception nobody handled. */
    public void captureUnhandled(Throwable e) {
        capture(e, Map.of());
    }

    /** Manual capture of a handled exception with extra context (scrubbed before sending). */
    public SentryId capture(Throwable e, Map<String, Object> context) {
        if (!Sentry.isEnabled()) {
            return SentryId.EMPTY_ID;
        }
        SentryId[] id = { SentryId.EMPTY_ID };
        Sentry.withScope(scope -> {
            enrich(scope, context);
            id[0] = Sentry.captureException(e);
        });
        return id[0];
    }

    /** Manual capture of a message (e.g. a provider answering nonsense) with extra context. */
    public SentryId captureMessage(String message, SentryLevel level, Map<String, Object> context) {
        if (!Sentry.isEnabled()) {
            return SentryId.EMPTY_ID;
        }
        SentryId[] id = { SentryId.EMPTY_ID };
        Sentry.withScope(scope -> {
            enrich(scope, context);
            id[0] = Sentry.captureMessage(message, level);
        });
        return id[0];
    }

    /** Adds a breadcrumb to the current request (or globally outside a request). */
    public void breadcrumb(String category, String message) {
        Breadcrumb crumb = new Breadcrumb();
        crumb.setCategory(category);
        crumb.setMessage(message);
        crumb.setLevel(SentryLevel.INFO);
        List<Breadcrumb> crumbs = requestBreadcrumbs();
        if (crumbs != null) {
            if (crumbs.size() < MAX_BREADCRUMBS) {
                crumbs.add(crumb);
            }
        } else if (Sentry.isEnabled()) {
            Sentry.addBreadcrumb(crumb);
        }
    }

    /** Called by the HTTP hygiene handler for every request: starts its breadcrumb trail. */
    public void requestStarted(RequestContext.RequestInfo request) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(BREADCRUMBS, new ArrayList<Breadcrumb>());
            Breadcrumb crumb = Breadcrumb.http(request.path(), request.method());
            crumb.setData("request_id", request.requestId());
            requestBreadcrumbs().add(crumb);
        }
    }

    private void enrich(io.sentry.IScope scope, Map<String, Object> context) {
        RequestContext.current().ifPresent(r -> {
            Request request = new Request();
            request.setMethod(r.method());
            request.setUrl(r.path());
            request.setQueryString(PiiScrubber.query(r.query()));
            scope.setRequest(request);
            scope.setTag("request_id", r.requestId());
        });
        String userId = RequestContext.userId();
        if (userId != null) {
            User user = new User();
            user.setId(userId);
            scope.setUser(user);
        }
        List<Breadcrumb> crumbs = requestBreadcrumbs();
        if (crumbs != null) {
            crumbs.forEach(scope::addBreadcrumb);
        }
        if (context != null && !context.isEmpty()) {
            scope.setContexts("details", context);
        }
    }

    private static List<Breadcrumb> requestBreadcrumbs() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return context.getLocal(BREADCRUMBS);
    }
}
