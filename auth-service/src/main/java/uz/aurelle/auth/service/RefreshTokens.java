package uz.aurelle.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import uz.aurelle.auth.RefreshToken;
import uz.aurelle.auth.User;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.auth.repository.RefreshTokenRepository;
import uz.aurelle.auth.repository.UserRepository;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditEvent.ActorType;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.common.sentry.ErrorReporter;
import io.sentry.SentryLevel;

/**
 * Opaque refresh tokens in rotation families (RFC 9700 §4.14.2): 256 random bits, only the SHA-256
 * stored; every use rotates; a reused token revokes its whole family. The family's absolute expiry is
 * fixed at login; each token also expires after the idle period.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    /** A freshly minted token: the plaintext goes to the client, never to the database. */
    public record Minted(String token, RefreshToken row) {
    }

    public sealed interface Rotation {
    }

    public record Rotated(Minted successor, User user) implements Rotation {
    }

    /** The account was deactivated or deleted: the family has been revoked. */
    public record Denied(UUID userId) implements Rotation {
    }

    /** The token had already been used: its family has been revoked. */
    public record Reused(UUID userId, UUID familyId) implements Rotation {
    }

    /** Unknown, expired or revoked. */
    public record Invalid() implements Rotation {
    }

    private final RefreshTokenRepository tokens;
    private final UserRepository users;
    private final SecurityEvents events;
    private final ErrorReporter errors;
    private final AuthConfig.Refresh config;

    public RefreshTokens(RefreshTokenRepository tokens, UserRepository users, SecurityEvents events,
            ErrorReporter errors, AuthConfig config) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.errors = errors;
        this.config = config.refresh();
    }

    /** Starts a new family (a login). Call inside a transaction. */
    public Uni<Minted> startFamily(UUID userId) {
        OffsetDateTime now = now();
        return mint(userId, UUID.randomUUID(), null, now, now.plus(config.absoluteTtl()));
    }

    /**
     * Consumes the token and mints its successor in the same family. Reuse detection revokes the
     * family and still commits (the caller reports the failure after this transaction).
     */
    @WithTransaction
    public Uni<Rotation> rotate(String presented) {
        String hash = hash(presented);
        OffsetDateTime now = now();
        return tokens.consume(hash, now).flatMap(consumed -> {
            if (consumed != null) {
                return users.findById(consumed.userId).flatMap(user -> {
                    if (user == null || !user.canLogIn()) {
                        return tokens.revokeFamily(consumed.familyId, now)
                                .call(() -> events.record(AuditEvent.of("authn.refresh_denied")
                                        .severity(AuditEvent.Severity.WARNING)
                                        .actor(ActorType.USER, consumed.userId).target("token_family", consumed.familyId)
                                        .detail("reason", "account inactive or deleted")))
                                .map(n -> (Rotation) new Denied(consumed.userId));
                    }
                    return mint(user.id, consumed.familyId, consumed.id, now, consumed.familyExpiresAt)
                            .map(minted -> (Rotation) new Rotated(minted, user));
                });
            }
            return tokens.findByHash(hash).flatMap(existing -> {
                if (existing != null && existing.usedAt != null && existing.revokedAt == null) {
                    // Replay (or a concurrent use, indistinguishable): end the whole family, attacker and victim alike.
                    return tokens.revokeFamily(existing.familyId, now)
                            .call(revoked -> events.record(AuditEvent.of("authn.refresh_token_reused").critical()
                                    .actor(ActorType.USER, existing.userId).target("token_family", existing.familyId)
                                    .detail("revokedTokens", revoked)))
                            // Alert a human too: reuse means a stolen token or a broken client.
                            .invoke(() -> errors.captureMessage("Refresh token reuse: token family revoked",
                                    SentryLevel.WARNING, Map.of("userId", existing.userId.toString(),
                                            "tokenFamily", existing.familyId.toString())))
                            .map(n -> (Rotation) new Reused(existing.userId, existing.familyId));
                }
                return Uni.createFrom().item((Rotation) new Invalid());
            });
        });
    }

    /** Logout: revokes the family the token belongs to. Returns the user id, or null if unknown. */
    @WithTransaction
    public Uni<RefreshToken> revokeFamilyOf(String presented) {
        return tokens.findByHash(hash(presented)).flatMap(existing -> existing == null
                ? Uni.createFrom().nullItem()
                : tokens.revokeFamily(existing.familyId, now())
                        .call(() -> events.record(AuditEvent.of("authn.logout").actor(ActorType.USER, existing.userId)
                                .target("token_family", existing.familyId)))
                        .replaceWith(existing));
    }

    /** Every session of the user. Call inside a transaction. */
    public Uni<Integer> revokeAll(UUID userId) {
        return tokens.revokeAllOfUser(userId, now());
    }

    private Uni<Minted> mint(UUID userId, UUID familyId, UUID parentId, OffsetDateTime now,
            OffsetDateTime familyExpiresAt) {
        String token = Signatures.randomToken(TOKEN_BYTES);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = hash(token);
        row.userId = userId;
        row.familyId = familyId;
        row.parentId = parentId;
        row.createdAt = now;
        OffsetDateTime idle = now.plus(config.idleTtl());
        row.familyExpiresAt = familyExpiresAt;
        row.expiresAt = idle.isBefore(familyExpiresAt) ? idle : familyExpiresAt;
        return tokens.persist(row).map(saved -> new Minted(token, saved));
    }

    static String hash(String token) {
        return Signatures.sha256Hex(token);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
