package uz.aurelle.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import uz.aurelle.common.error.ProblemMessages;
import uz.aurelle.common.error.Problems;
import uz.aurelle.common.error.UnexpectedErrors;
import uz.aurelle.common.sentry.ErrorReporter;

/**
 * Vert.x-level hygiene for every route (REST, health, metrics, and requests that never reach REST,
 * such as failed proactive authentication or unknown paths): request id, security headers,
 * body-size check, and problem+json for failures that happen outside Quarkus REST.
 */
@ApplicationScoped
public class HttpHygiene {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "requestId";
    /** Before the upload limit and authentication, so even their rejections carry our headers. */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]+");

    private final HttpConfig config;
    private final Problems problems;
    private final UnexpectedErrors unexpected;
    private final ErrorReporter reporter;
    private final long maxBodySize;

    public HttpHygiene(HttpConfig config, Problems problems, UnexpectedErrors unexpected, ErrorReporter reporter,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.config = config;
        this.problems = problems;
        this.unexpected = unexpected;
        this.reporter = reporter;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::onRequest);
        router.route().order(ORDER).failureHandler(this::onFailure);
        // Last resort for paths no route claimed: a problem instead of Vert.x' plain-text 404.
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 10_000)
                .handler(rc -> send(rc, 404, Map.of()));
    }

    private void onRequest(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String requestId = acceptOrGenerate(request.getHeader(REQUEST_ID_HEADER));
        String clientIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        RequestContext.RequestInfo info = new RequestContext.RequestInfo(requestId, request.method().name(),
                request.path(), clientIp, request.query());
        RequestContext.set(info, rc);
        MDC.put(MDC_REQUEST_ID, requestId);
        reporter.requestStarted(info);
        HttpServerResponse response = rc.response();
        rc.addHeadersEndHandler(v -> decorate(response, requestId, request.path()));

        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (maxBodySize > 0 && length != null && parseLong(length) > maxBodySize) {
            // Refuse before reading anything; the connection closes so the client stops sending.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            send(rc, 413, Map.of("maxBodySize", maxBodySize), maxBodySize);
            return;
        }
        rc.next();
    }

    private void onFailure(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            rc.next();
            return;
        }
        Throwable failure = rc.failure();
        int status;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (failure instanceof HttpException http) {
            status = http.getStatusCode();
        } else if (failure == null && rc.statusCode() >= 400) {
            status = rc.statusCode();
        } else {
            status = 500;
        }
        if (status >= 500) {
            unexpected.report(failure == null ? new IllegalStateException("HTTP " + status) : failure);
            send(rc, 500, Map.of());
        } else if (status == 413) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(rc, 413, Map.of("maxBodySize", maxBodySize), maxBodySize);
        } else {
            send(rc, status, Map.of());
        }
    }

    private void send(RoutingContext rc, int status, Map<String, Object> extensions, Object... args) {
        Locale locale = ProblemMessages.negotiate(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String code = Problems.codeFor(status);
        byte[] body = problems.bytes(problems.body(status, code, null, args, extensions, locale));
        HttpServerResponse response = rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(Buffer.buffer(body));
    }

    private void decorate(HttpServerResponse response, String requestId, String path) {
        var headers = response.headers();
        headers.set(REQUEST_ID_HEADER, requestId);
        headers.remove("Server");
        headers.remove("X-Powered-By");
        if (!config.securityHeaders()) {
            return;
        }
        headers.set("Strict-Transport-Security", config.strictTransportSecurity());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        // The dev-only Swagger/Dev UI pages need scripts; every API response gets the strict policy.
        if (!path.startsWith("/q/swagger-ui") && !path.startsWith("/q/dev")
                && !headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", config.contentSecurityPolicy());
        }
    }

    String acceptOrGenerate(String incoming) {
        if (incoming != null && !incoming.isEmpty() && incoming.length() <= config.maxRequestIdLength()
                && SAFE_REQUEST_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
