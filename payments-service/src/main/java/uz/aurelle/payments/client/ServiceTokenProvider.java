package uz.aurelle.payments.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uz.aurelle.payments.config.PaymentsConfig;

/** A SERVICE access token from auth-service, cached until shortly before it expires. */
@ApplicationScoped
public class ServiceTokenProvider {

    private record Cached(String header, Instant renewAt) {
    }

    private final AuthTokenApi authApi;
    private final PaymentsConfig config;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public ServiceTokenProvider(@RestClient AuthTokenApi authApi, PaymentsConfig config) {
        this.authApi = authApi;
        this.config = config;
    }

    /** The {@code Authorization} header value. */
    public Uni<String> authorization() {
        Cached current = cached.get();
        // Real time, not the test-movable business clock: token expiry is auth-service's wall clock.
        Instant now = Instant.now();
        if (current != null && now.isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.header());
        }
        PaymentsConfig.ServiceAccount account = config.serviceAccount();
        return authApi.token("client_credentials", account.clientId(), account.clientSecret())
                .map(token -> {
                    Instant renewAt = now.plusSeconds(token.expiresIn()).minus(account.renewBefore());
                    Cached fresh = new Cached("Bearer " + token.accessToken(), renewAt);
                    cached.set(fresh);
                    return fresh.header();
                });
    }

    /** Drops the cached token, e.g. after marketplace answered 401. */
    public void invalidate() {
        cached.set(null);
    }
}
