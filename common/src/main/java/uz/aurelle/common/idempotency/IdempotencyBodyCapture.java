package uz.aurelle.common.idempotency;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aurelle.common.http.HttpHygiene;
import uz.aurelle.common.security.Signatures;

/**
 * Buffers the body of requests that carry an Idempotency-Key (only those) before Quarkus REST reads
 * it, and records its SHA-256 for {@link IdempotencyFilter}. Quarkus REST uses the buffered body.
 */
@ApplicationScoped
public class IdempotencyBodyCapture {

    static final String BODY_HASH = "aurelle.idempotency.body-sha256";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final BodyHandler bodyHandler;

    public IdempotencyBodyCapture(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.bodyHandler = BodyHandler.create(false)
                .setBodyLimit(maxBodySize.map(MemorySize::asLongValue).orElse(-1L));
    }

    void install(@Observes Router router) {
        router.route().order(HttpHygiene.ORDER + 1).handler(rc -> {
            if (applies(rc) && !rc.body().available()) {
                bodyHandler.handle(rc); // calls rc.next() once the body is buffered
            } else {
                rc.next();
            }
        });
        router.route().order(HttpHygiene.ORDER + 2).handler(rc -> {
            if (applies(rc) && rc.body().available()) {
                byte[] body = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
                Context context = Vertx.currentContext();
                if (context != null && VertxContext.isDuplicatedContext(context)) {
                    context.putLocal(BODY_HASH, Signatures.sha256Hex(body));
                }
            }
            rc.next();
        });
    }

    private static boolean applies(RoutingContext rc) {
        return WITH_BODY.contains(rc.request().method()) && rc.request().getHeader(IdempotencyFilter.HEADER) != null;
    }

    /** SHA-256 hex of the current request's body, if it was captured. */
    static Optional<String> currentBodyHash() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(BODY_HASH));
    }
}
