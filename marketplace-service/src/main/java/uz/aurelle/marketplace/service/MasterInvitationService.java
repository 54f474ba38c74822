package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.marketplace.Master;
import uz.aurelle.marketplace.MasterInvitation;
import uz.aurelle.marketplace.config.MarketplaceConfig;
import uz.aurelle.marketplace.repository.MasterInvitationRepository;
import uz.aurelle.marketplace.repository.MasterRepository;

/**
 * Links a person's MASTER account to a salon's master only with their consent: the owner issues a
 * one-time code, the person signed in with that account accepts it. The owner can revoke a pending
 * invitation and unlink the account at any time; access follows {@code master.user_id}, so both take
 * effect with the next request. Every write locks the master's row first (one order, no deadlocks).
 */
@ApplicationScoped
public class MasterInvitationService {

    /** 256 random bits: as strong as a refresh token, so guessing is hopeless even without the rate limit. */
    private static final int CODE_BYTES = 32;
    private static final int MAX_CODE_LENGTH = 128;

    private final CatalogueService catalogue;
    private final MasterRepository masters;
    private final MasterInvitationRepository invitations;
    private final AuditLog audit;
    private final MarketplaceConfig config;

    public MasterInvitationService(CatalogueService catalogue, MasterRepository masters,
                                   MasterInvitationRepository invitations, AuditLog audit, MarketplaceConfig config) {
        this.catalogue = catalogue;
        this.masters = masters;
        this.invitations = invitations;
        this.audit = audit;
        this.config = config;
    }

    /** A new invitation with its code, which exists only in this answer. */
    public record Issued(MasterInvitation invitation, String code) {
    }

    /** Replaces the master's pending invitation, if any, with a new one. */
    @WithTransaction
    public Uni<Issued> invite(Actor actor, UUID salonId, UUID masterId) {
        // PostgreSQL keeps microseconds: the answer shows the times later reads will show.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return catalogue.lockedOwnedMaster(actor, salonId, masterId).chain(master -> {
            if (master.userId != null) {
                throw ApiException.conflict("master_already_linked",
                        "The master is already linked to an account; unlink it first.");
            }
            String code = Signatures.randomToken(CODE_BYTES);
            MasterInvitation invitation = new MasterInvitation();
            invitation.id = UUID.randomUUID();
            invitation.masterId = master.id;
            invitation.codeHash = Signatures.sha256Hex(code);
            invitation.createdBy = actor.userId();
            invitation.createdAt = now;
            invitation.expiresAt = now.plus(config.masterInvitations().ttl());
            return invitations.revokePending(master.id, now)
                    .call(replaced -> invitations.persist(invitation).call(invitations::flush))
                    .call(replaced -> audit.record(event("master.invitation_created", actor, master)
                            .detail("invitationId", invitation.id).detail("replacedPending", replaced > 0)
                            .detail("expiresAt", invitation.expiresAt.toString())))
                    .replaceWith(new Issued(invitation, code));
        });
    }

    /** The pending invitation (possibly expired), without its code. */
    @WithSession
    public Uni<MasterInvitation> pending(Actor actor, UUID salonId, UUID masterId) {
        return catalogue.ownedMaster(actor, salonId, masterId)
                .chain(master -> invitations.findPending(master.id).map(invitation -> {
                    if (invitation == null) {
                        throw noPendingInvitation();
                    }
                    return invitation;
                }));
    }

    @WithTransaction
    public Uni<Void> revoke(Actor actor, UUID salonId, UUID masterId) {
        return catalogue.lockedOwnedMaster(actor, salonId, masterId)
                .call(master -> invitations.revokePending(master.id, Instant.now()).invoke(revoked -> {
                    if (revoked == 0) {
                        throw noPendingInvitation();
                    }
                }))
                .call(master -> audit.record(event("master.invitation_revoked", actor, master)))
                .replaceWithVoid();
    }

    /** The former master loses the salon's bookings at once: every access check reads the link afresh. */
    @WithTransaction
    public Uni<Void> unlink(Actor actor, UUID salonId, UUID masterId) {
        return catalogue.lockedOwnedMaster(actor, salonId, masterId)
                .invoke(master -> {
                    if (master.userId == null) {
                        throw ApiException.notFound("master_not_linked", "The master has no linked account.");
                    }
                    master.userId = null;
                })
                .call(master -> audit.record(event("master.account_unlinked", actor, master)))
                .replaceWithVoid();
    }

    /**
     * Links the caller's account to the invited master and consumes the code. Accepting one's own
     * already accepted code again answers like the first time while the link stands (a retry after a
     * lost response); any other reuse is refused.
     */
    @WithTransaction
    public Uni<Master> accept(Actor actor, String code) {
        if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            throw SalonManagementService.invalid("code", "code is required, at most " + MAX_CODE_LENGTH
                    + " characters.");
        }
        UUID user = actor.userId();
        Instant now = Instant.now();
        String hash = Signatures.sha256Hex(code);
        return invitations.masterIdOfCode(hash).chain(masterId -> {
            if (masterId == null) {
                throw invalidCode();
            }
            // The master's lock first, the order every other write uses; then the invitation as committed.
            return masters.lock(masterId).chain(master -> invitations.findByCodeHash(hash)
                    .chain(invitation -> link(actor, user, invitation, master, now)));
        });
    }

    private Uni<Master> link(Actor actor, UUID user, MasterInvitation invitation, Master master, Instant now) {
        if (invitation.acceptedAt != null) {
            if (user.equals(invitation.acceptedBy) && master != null && user.equals(master.userId)) {
                return Uni.createFrom().item(master);
            }
            throw gone("invitation_used", "This invitation has already been used.");
        }
        if (invitation.revokedAt != null) {
            throw gone("invitation_revoked", "The salon has withdrawn this invitation.");
        }
        if (invitation.expired(now)) {
            throw gone("invitation_expired", "This invitation has expired; ask the salon for a new one.");
        }
        if (master == null) {
            throw invalidCode();
        }
        if (master.userId != null) {
            throw ApiException.conflict("master_already_linked", "The master is already linked to an account.");
        }
        return masters.linkedElsewhereInSalon(master.salonId, user, master.id).chain(elsewhere -> {
            if (elsewhere) {
                throw alreadyInSalon();
            }
            master.userId = user;
            invitation.acceptedAt = now;
            invitation.acceptedBy = user;
            return masters.flush()
                    .onFailure(SqlStates::isUniqueViolation).transform(e -> alreadyInSalon())
                    .call(() -> audit.record(event("master.invitation_accepted", actor, master)
                            .detail("invitationId", invitation.id)))
                    .replaceWith(master);
        });
    }

    /** Who, which master and salon; never the code, never personal data. */
    private static AuditEvent event(String action, Actor actor, Master master) {
        return AuditEvent.of(action).actor(AuditEvent.ActorType.USER, actor.subject())
                .target("master", master.id).detail("salonId", master.salonId);
    }

    private static ApiException invalidCode() {
        return ApiException.notFound("invitation_invalid", "No invitation has this code.");
    }

    private static ApiException gone(String code, String detail) {
        return new ApiException(410, code, detail);
    }

    private static ApiException alreadyInSalon() {
        return ApiException.conflict("already_master_in_salon",
                "Your account is already linked to another master of this salon.");
    }

    private static ApiException noPendingInvitation() {
        return ApiException.notFound("invitation_not_found", "The master has no pending invitation.");
    }
}
