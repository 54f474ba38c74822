package uz.aurelle.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints real RS256 access tokens for tests, signed with the test-only key in
 * {@code testing/jwt-test-private.pem} (verify with {@code testing/jwt-test-public.pem}).
 * Services' test profiles set {@code mp.jwt.verify.publickey.location=testing/jwt-test-public.pem}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://aurelle.uz";
    public static final String AUDIENCE = "aurelle-api";
    public static final String KEY_ID = "test-key";
    public static final String PRIVATE_KEY = "testing/jwt-test-private.pem";

    private TestTokens() {
    }

    public static String forUser(UUID userId, String... roles) {
        return sign(builder(userId.toString(), roles));
    }

    public static String client(UUID userId) {
        return forUser(userId, "CLIENT");
    }

    public static String owner(UUID userId) {
        return forUser(userId, "SALON_OWNER");
    }

    public static String master(UUID userId) {
        return forUser(userId, "MASTER");
    }

    public static String admin(UUID userId) {
        return forUser(userId, "ADMIN");
    }

    public static String service(String clientId) {
        return sign(builder(clientId, "SERVICE"));
    }

    /** Claims preset with our issuer, audience, groups, jti and a 15-minute expiry, for variations. */
    public static JwtClaimsBuilder builder(String subject, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(roles))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(15)));
    }

    /** Signs RS256 with the test key and its {@code kid}. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(privateKey());
    }

    public static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey(PRIVATE_KEY);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test signing key missing from the classpath", e);
        }
    }
}
