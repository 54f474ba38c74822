package uz.aurelle.auth.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import uz.aurelle.auth.RefreshToken;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /**
     * Consumes a live token in one conditional statement: of any number of concurrent callers exactly
     * one gets the row back; the others see zero rows and must treat the token as reused.
     */
    public Uni<RefreshToken> consume(String tokenHash, OffsetDateTime now) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("update refresh_tokens set used_at = :now where token_hash = :hash "
                        + "and used_at is null and revoked_at is null and expires_at > :now returning *",
                        RefreshToken.class)
                .setParameter("now", now)
                .setParameter("hash", tokenHash)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    public Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, OffsetDateTime now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeAllOfUser(UUID userId, OffsetDateTime now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
