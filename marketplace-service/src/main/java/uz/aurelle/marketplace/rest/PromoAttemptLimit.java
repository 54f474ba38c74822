package uz.aurelle.marketplace.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uz.aurelle.common.http.HttpHygiene;
import uz.aurelle.common.ratelimit.RateLimiter;

/**
 * Counts every booking request whose body carries a promo code against the client's promo policy, so
 * codes cannot be guessed by brute force. It runs before common's {@code @RateLimited} booking filter, so
 * a refused guess does not also spend the client's booking allowance, and before the Idempotency-Key
 * claim. Quarkus REST reads bodies only after those filters, so the body of {@code POST /api/bookings}
 * is buffered at the Vert.x level first, as common does for idempotent requests, and Quarkus REST then
 * reads the buffered body.
 */
@ApplicationScoped
public class PromoAttemptLimit {

    private static final String PATH = "/api/bookings/?";

    private final RateLimiter limiter;
    private final SecurityIdentity identity;
    private final BodyHandler bodyHandler;

    public PromoAttemptLimit(RateLimiter limiter, SecurityIdentity identity,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.limiter = limiter;
        this.identity = identity;
        this.bodyHandler = BodyHandler.create(false).setBodyLimit(maxBody.map(MemorySize::asLongValue).orElse(-1L));
    }

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, PATH).order(HttpHygiene.ORDER + 3).handler(rc -> {
            if (rc.body().available()) {
                rc.next();
            } else {
                bodyHandler.handle(rc); // calls rc.next() once the body is buffered
            }
        });
    }

    @PromoCodeAttempt
    @ServerRequestFilter(priority = Priorities.USER - 10)
    public Uni<Void> limit(RoutingContext rc) {
        if (identity.isAnonymous() || !carriesCode(rc)) {
            return Uni.createFrom().voidItem();
        }
        return limiter.check(RateLimits.PROMO, "user:" + identity.getPrincipal().getName());
    }

    /** A body this class did not get to see (an unexpected path spelling) counts as carrying a code. */
    private static boolean carriesCode(RoutingContext rc) {
        if (!rc.body().available()) {
            return true;
        }
        try {
            JsonObject body = rc.body().asJsonObject();
            Object code = body == null ? null : body.getValue("promoCode");
            return code instanceof String text && !text.isBlank();
        } catch (DecodeException | ClassCastException e) {
            // Not a JSON object: the resource answers that with a 400 of its own.
            return false;
        }
    }
}
