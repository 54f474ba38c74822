package uz.aurelle.common.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uz.aurelle.common.http.RequestContext;

/** Applies {@link RateLimited} before the resource method runs and adds the RateLimit headers to its response. */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final Instance<CurrentIdentityAssociation> identity;
    private final Map<Method, List<RateLimited>> annotations = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimiter limiter, Instance<CurrentIdentityAssociation> identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().voidItem();
        }
        List<RateLimited> limits = annotations.computeIfAbsent(method, m -> {
            List<RateLimited> all = new ArrayList<>(Arrays.asList(m.getDeclaringClass().getAnnotationsByType(RateLimited.class)));
            all.addAll(Arrays.asList(m.getAnnotationsByType(RateLimited.class)));
            return List.copyOf(all);
        });
        if (limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return caller().flatMap(user -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RateLimited limit : limits) {
                String key = limit.key() == RateLimited.Key.USER && user != null ? "user:" + user
                        : "ip:" + RequestContext.clientIp();
                chain = chain.flatMap(v -> limiter.consume(limit.policy(), key)).flatMap(decision -> {
                    if (!decision.allowed()) {
                        // The 429 carries the denying policy's headers; an earlier allowed one must not overwrite them.
                        request.removeProperty(DECISION);
                        return Uni.createFrom().failure(new RateLimitExceededException(decision));
                    }
                    RateLimitDecision previous = (RateLimitDecision) request.getProperty(DECISION);
                    // Report the tightest allowed policy on the response.
                    if (previous == null || decision.remaining() < previous.remaining()) {
                        request.setProperty(DECISION, decision);
                    }
                    return Uni.createFrom().voidItem();
                });
            }
            return chain;
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        // A 429 already carries the refusing policy's headers (perhaps from a check inside the method).
        if (response.getStatus() != 429 && request.getProperty(DECISION) instanceof RateLimitDecision decision
                && decision.source() == RateLimitDecision.Source.REDIS) {
            decision.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private Uni<String> caller() {
        if (!identity.isResolvable()) {
            return Uni.createFrom().nullItem();
        }
        return identity.get().getDeferredIdentity()
                .map(id -> id == null || id.isAnonymous() ? null : principal(id))
                .onFailure().recoverWithNull();
    }

    private static String principal(SecurityIdentity id) {
        return id.getPrincipal() == null ? null : id.getPrincipal().getName();
    }
}
