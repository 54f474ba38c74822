package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.rest.CatalogueViews.MasterView;
import uz.aurelle.marketplace.service.MasterInvitationService;

/**
 * The invited person's side: signed in with a MASTER account (self-registered or added in auth-service),
 * they accept the code the salon gave them and become that master's linked account.
 */
@Path("/api/masters/invitations")
public class MasterInvitationResource {

    private final MasterInvitationService invitations;
    private final Callers callers;

    public MasterInvitationResource(MasterInvitationService invitations, Callers callers) {
        this.invitations = invitations;
        this.callers = callers;
    }

    public record AcceptData(String code) {
    }

    @POST
    @Path("/accept")
    @RolesAllowed("MASTER")
    @RateLimited(policy = "master-invitation-accept", key = RateLimited.Key.USER)
    public Uni<MasterView> accept(AcceptData data) {
        return invitations.accept(callers.current(), data == null ? null : data.code()).map(MasterView::of);
    }
}
