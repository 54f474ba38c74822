package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import uz.aurelle.marketplace.MasterInvitation;

@ApplicationScoped
public class MasterInvitationRepository implements PanacheRepositoryBase<MasterInvitation, UUID> {

    /** The master's invitation that is neither accepted nor revoked (it may have expired), or null. */
    public Uni<MasterInvitation> findPending(UUID masterId) {
        return find("masterId = ?1 and acceptedAt is null and revokedAt is null", masterId).firstResult();
    }

    public Uni<MasterInvitation> findByCodeHash(String codeHash) {
        return find("codeHash", codeHash).firstResult();
    }

    /** Which master the code is for, without loading the invitation into the session; null if unknown. */
    public Uni<UUID> masterIdOfCode(String codeHash) {
        return getSession().chain(s -> s.createSelectionQuery(
                        "select i.masterId from MasterInvitation i where i.codeHash = :hash", UUID.class)
                .setParameter("hash", codeHash).getSingleResultOrNull());
    }

    /** Revokes the master's pending invitation, if any; returns how many rows changed (0 or 1). */
    public Uni<Integer> revokePending(UUID masterId, Instant now) {
        return update("revokedAt = ?1 where masterId = ?2 and acceptedAt is null and revokedAt is null", now,
                masterId);
    }
}
