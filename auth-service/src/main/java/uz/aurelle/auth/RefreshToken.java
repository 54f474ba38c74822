package uz.aurelle.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One opaque refresh token (only its SHA-256 is kept) within a rotation family. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Idle expiry of this token, never later than the family's absolute expiry. */
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "family_expires_at")
    public OffsetDateTime familyExpiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
