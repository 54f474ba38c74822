package uz.aurelle.auth.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uz.aurelle.auth.service.SigningKeys;

/** Ready only with a usable signing key; the database and Redis checks come from their extensions. */
@Readiness
@ApplicationScoped
public class SigningKeyHealthCheck implements HealthCheck {

    private final SigningKeys keys;

    public SigningKeyHealthCheck(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("jwt-signing-key")
                .status(keys.privateKey() != null)
                .withData("kid", keys.keyId())
                .build();
    }
}
