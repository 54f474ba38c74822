package uz.aurelle.auth.service;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.auth.config.AuthConfig;

/** Mints the RS256 access tokens of the JWT contract (iss, aud, sub, groups, jti, kid, 15 min). */
@ApplicationScoped
public class AccessTokens {

    public record Issued(String token, long expiresInSeconds) {
    }

    private final SigningKeys keys;
    private final AuthConfig.Jwt config;

    public AccessTokens(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config.jwt();
    }

    public Issued forUser(UUID userId, Set<String> roles) {
        return sign(userId.toString(), roles, config.accessTokenTtl());
    }

    public Issued forService(String clientId, Set<String> roles) {
        return sign(clientId, roles, config.serviceTokenTtl());
    }

    private Issued sign(String subject, Set<String> roles, Duration ttl) {
        Instant now = Instant.now();
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws()
                .keyId(keys.keyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
        return new Issued(token, ttl.toSeconds());
    }
}
