package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An owner's offer to link a person's MASTER account to one of the salon's masters. The one-time code
 * is shown once at creation; only its SHA-256 is kept. Pending = neither accepted nor revoked.
 */
@Entity
@Table(name = "master_invitation")
public class MasterInvitation {
    @Id
    public UUID id;
    @Column(name = "master_id")
    public UUID masterId;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "accepted_by")
    public UUID acceptedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
