package uz.aurelle.common.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who is asking, for the current HTTP request: request id, method, path (never the query string),
 * client IP. Set by {@link HttpHygiene} on the request's Vert.x duplicated context, so it follows
 * the request across reactive hops; usable from any code (mappers, services, Sentry, audit).
 */
public final class RequestContext {

    static final String KEY = "aurelle.request";
    static final String ROUTING_CONTEXT = "aurelle.routing-context";

    private RequestContext() {
    }

    /** The request being served, if the caller runs on a request's context. */
    public static Optional<RequestInfo> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(KEY));
    }

    /** The current request id, or {@code null} outside a request. */
    public static String requestId() {
        return current().map(RequestInfo::requestId).orElse(null);
    }

    /** The client's IP (the proxy-resolved one when {@code quarkus.http.proxy.*} is configured), or null. */
    public static String clientIp() {
        return current().map(RequestInfo::clientIp).orElse(null);
    }

    /** The authenticated caller's id (JWT {@code sub}), or null for anonymous callers and outside requests. */
    public static String userId() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)
                || !(context.getLocal(ROUTING_CONTEXT) instanceof RoutingContext rc)
                || !(rc.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        return identity == null || identity.isAnonymous() || identity.getPrincipal() == null ? null
                : identity.getPrincipal().getName();
    }

    static void set(RequestInfo info, RoutingContext rc) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, info);
            context.putLocal(ROUTING_CONTEXT, rc);
        }
    }

    /**
     * What is known about the request being served. {@code query} is the raw query string: it may
     * hold secrets, so scrub it before logging or reporting (the Sentry integration does).
     */
    public record RequestInfo(String requestId, String method, String path, String clientIp, String query) {
    }
}
