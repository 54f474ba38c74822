package uz.aurelle.payments.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uz.aurelle.payments.config.PaymentsConfig;

/**
 * A SERVICE access token from auth-service (client-credentials), cached until shortly before it
 * expires; concurrent callers during a renewal share one token request.
 */
@ApplicationScoped
public class ServiceTokenProvider {

    private record Cached(String header, Instant renewAt) {
    }

    private final AuthTokenApi authApi;
    private final PaymentsConfig config;
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    private final AtomicReference<Uni<Cached>> inFlight = new AtomicReference<>();

    public ServiceTokenProvider(@RestClient AuthTokenApi authApi, PaymentsConfig config) {
        this.authApi = authApi;
        this.config = config;
    }

    /** The {@code Authorization} header value. */
    public Uni<String> authorization() {
        return Uni.createFrom().deferred(() -> {
            Cached current = cached.get();
            // Real time, not the test-movable business clock: token expiry is auth-service's wall clock.
            if (current != null && Instant.now().isBefore(current.renewAt())) {
                return Uni.createFrom().item(current.header());
            }
            Uni<Cached> running = inFlight.get();
            if (running == null) {
                AtomicReference<Uni<Cached>> self = new AtomicReference<>();
                Uni<Cached> fetch = fetch().eventually(() -> inFlight.compareAndSet(self.get(), null))
                        .memoize().indefinitely();
                self.set(fetch);
                running = inFlight.compareAndSet(null, fetch) ? fetch : inFlight.get();
                if (running == null) {
                    running = fetch;
                }
            }
            return running.map(Cached::header);
        });
    }

    private Uni<Cached> fetch() {
        PaymentsConfig.ServiceAccount account = config.serviceAccount();
        Instant requestedAt = Instant.now();
        return authApi.token("client_credentials", account.clientId(), account.clientSecret())
                .map(token -> {
                    Cached fresh = new Cached("Bearer " + token.accessToken(),
                            requestedAt.plusSeconds(token.expiresIn()).minus(account.renewBefore()));
                    cached.set(fresh);
                    return fresh;
                });
    }

    /** Drops the cached token, e.g. after marketplace answered 401. */
    public void invalidate() {
        cached.set(null);
    }
}
