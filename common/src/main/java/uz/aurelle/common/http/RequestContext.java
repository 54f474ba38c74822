package uz.aurelle.common.http;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Who is asking, for the current HTTP request: request id, method, path (never the query string),
 * client IP. Set by {@link HttpHygiene} on the request's Vert.x duplicated context, so it follows
 * the request across reactive hops; usable from any code (mappers, services, Sentry, audit).
 */
public final class RequestContext {

    static final String KEY = "aurelle.request";

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

    static void set(RequestInfo info) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, info);
        }
    }

    /** What is known about the request being served. */
    public record RequestInfo(String requestId, String method, String path, String clientIp) {
    }
}
