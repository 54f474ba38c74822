package uz.aurelle.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of auth-service; every value can be overridden by the matching env variable. */
@ConfigMapping(prefix = "aurelle.auth")
public interface AuthConfig {

    Jwt jwt();

    Refresh refresh();

    Password password();

    Consent consent();

    Retention retention();

    /** Service accounts bootstrapped at start-up, keyed by client id. */
    Map<String, ServiceClientConfig> serviceClients();

    BootstrapAdmin bootstrapAdmin();

    /** Seeds demo client and salon-owner accounts (local runs only). */
    @WithDefault("false")
    boolean demoData();

    interface Jwt {
        @WithDefault("https://aurelle.uz")
        String issuer();

        @WithDefault("aurelle-api")
        String audience();

        /** PEM (PKCS#8) private signing key: file path or classpath resource. */
        Optional<String> privateKeyLocation();

        /** {@code kid} of the signing key. */
        @WithDefault("aurelle-1")
        String keyId();

        /**
         * Without a configured key, generate a throw-away key pair at start-up. Only for local runs:
         * tokens do not survive a restart and replicas would not share keys (off in prod).
         */
        @WithDefault("true")
        boolean generateEphemeralKey();

        /** Retired (or next) public keys still published in the JWKS: kid → PEM location. */
        Map<String, String> additionalPublicKeys();

        @WithDefault("PT15M")
        Duration accessTokenTtl();

        @WithDefault("PT5M")
        Duration serviceTokenTtl();
    }

    interface Refresh {
        /** Absolute lifetime of a login (family); rotation never extends it. */
        @WithDefault("P30D")
        Duration absoluteTtl();

        /** A refresh token unused for this long expires. */
        @WithDefault("P7D")
        Duration idleTtl();
    }

    interface Password {
        @WithDefault("8")
        int minLength();

        @WithDefault("256")
        int maxLength();

        /** Argon2id hashes running at once (19 MiB each). */
        @WithDefault("2")
        int maxConcurrentHashes();

        /** Hash requests allowed to wait for a slot; beyond that the service answers 503. */
        @WithDefault("64")
        int maxQueuedHashes();
    }

    interface Consent {
        @WithDefault("2026-01-01")
        String termsVersion();

        @WithDefault("2026-01-01")
        String privacyVersion();
    }

    interface Retention {
        /** How long a deleted account keeps its personal data before anonymisation. */
        @WithDefault("P30D")
        Duration deletedAccounts();

        @WithDefault("1h")
        String anonymiseEvery();

        @WithDefault("100")
        int anonymiseBatchSize();
    }

    interface ServiceClientConfig {
        /** Absent: the client is not provisioned (fail closed). */
        Optional<String> secret();

        @WithDefault("SERVICE")
        List<String> roles();
    }

    interface BootstrapAdmin {
        @WithDefault("false")
        boolean enabled();

        Optional<String> phone();

        Optional<String> email();

        Optional<String> password();

        @WithDefault("Aurelle Admin")
        String name();
    }
}
