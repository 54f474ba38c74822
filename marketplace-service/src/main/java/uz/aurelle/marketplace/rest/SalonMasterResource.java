package uz.aurelle.marketplace.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.http.NoStore;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.marketplace.rest.CatalogueViews.DayView;
import uz.aurelle.marketplace.rest.CatalogueViews.InvitationView;
import uz.aurelle.marketplace.rest.CatalogueViews.MasterView;
import uz.aurelle.marketplace.service.CatalogueReadService;
import uz.aurelle.marketplace.service.CatalogueService;
import uz.aurelle.marketplace.service.CatalogueService.DayData;
import uz.aurelle.marketplace.service.CatalogueService.MasterData;
import uz.aurelle.marketplace.service.CatalogueService.OfferData;
import uz.aurelle.marketplace.service.CatalogueService.ScheduleData;
import uz.aurelle.marketplace.service.MasterInvitationService;

/** A salon's masters, what they perform, their schedules, and the invitations that link their accounts. */
@Path("/api/salons/{salonId}/masters")
public class SalonMasterResource {

    private final CatalogueService catalogue;
    private final CatalogueReadService reads;
    private final MasterInvitationService invitations;
    private final Callers callers;
    private final SecurityIdentity identity;

    public SalonMasterResource(CatalogueService catalogue, CatalogueReadService reads,
                               MasterInvitationService invitations, Callers callers, SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.reads = reads;
        this.invitations = invitations;
        this.callers = callers;
        this.identity = identity;
    }

    @GET
    @PermitAll
    public Uni<List<MasterView>> list(@PathParam("salonId") UUID salonId) {
        return catalogue.masters(salonId, identity.isAnonymous() ? null : callers.current())
                .map(list -> list.stream().map(MasterView::of).toList());
    }

    @GET
    @Path("/{masterId}")
    @PermitAll
    public Uni<MasterView> get(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId) {
        return reads.master(salonId, masterId, identity.isAnonymous() ? null : callers.current()).map(MasterView::of);
    }

    @POST
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<MasterView>> create(@PathParam("salonId") UUID salonId, MasterData data, UriInfo uri) {
        return catalogue.createMaster(callers.current(), salonId, data)
                .map(m -> RestResponse.ResponseBuilder.<MasterView>created(
                        uri.getAbsolutePathBuilder().path(m.id.toString()).build()).entity(MasterView.of(m)).build());
    }

    @PUT
    @Path("/{masterId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<MasterView> update(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                  MasterData data) {
        return catalogue.updateMaster(callers.current(), salonId, masterId, data).map(MasterView::of);
    }

    @DELETE
    @Path("/{masterId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> delete(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId) {
        return catalogue.deleteMaster(callers.current(), salonId, masterId).replaceWith(RestResponse.noContent());
    }

    @PUT
    @Path("/{masterId}/services/{serviceId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<Map<String, Object>> offer(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                          @PathParam("serviceId") UUID serviceId, OfferData data) {
        return catalogue.offer(callers.current(), salonId, masterId, serviceId, data)
                .map(o -> {
                    Map<String, Object> view = new java.util.LinkedHashMap<>();
                    view.put("masterId", o.masterId);
                    view.put("serviceId", o.serviceId);
                    view.put("price", o.priceTiyin);
                    view.put("durationMinutes", o.durationMinutes);
                    return view;
                });
    }

    @DELETE
    @Path("/{masterId}/services/{serviceId}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> withdraw(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                            @PathParam("serviceId") UUID serviceId) {
        return catalogue.withdrawOffer(callers.current(), salonId, masterId, serviceId)
                .replaceWith(RestResponse.noContent());
    }

    @GET
    @Path("/{masterId}/schedule")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<ScheduleData> schedule(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId) {
        return reads.schedule(callers.current(), salonId, masterId);
    }

    @PUT
    @Path("/{masterId}/schedule")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<ScheduleData> schedule(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                      ScheduleData data) {
        return catalogue.replaceSchedule(callers.current(), salonId, masterId, data);
    }

    @PUT
    @Path("/{masterId}/days/{date}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<DayView> setDay(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                           @PathParam("date") String date, DayData data) {
        return catalogue.setDay(callers.current(), salonId, masterId, Params.date("date", date), data)
                .map(DayView::of);
    }

    @GET
    @Path("/{masterId}/days/{date}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<DayView> day(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                            @PathParam("date") String date) {
        return reads.day(callers.current(), salonId, masterId, Params.date("date", date)).map(DayView::of);
    }

    @DELETE
    @Path("/{masterId}/days/{date}")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> clearDay(@PathParam("salonId") UUID salonId, @PathParam("masterId") UUID masterId,
                                            @PathParam("date") String date) {
        return catalogue.clearDay(callers.current(), salonId, masterId, Params.date("date", date))
                .replaceWith(RestResponse.noContent());
    }

    /**
     * Invites a person to link their MASTER account to this master. A master has at most one pending
     * invitation, so a new one replaces it; the Location is that pending invitation. The code is in
     * this answer only (no-store): the owner hands it to the person.
     */
    @POST
    @Path("/{masterId}/invitations")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    @NoStore
    public Uni<RestResponse<InvitationView>> invite(@PathParam("salonId") UUID salonId,
                                                    @PathParam("masterId") UUID masterId, UriInfo uri) {
        return invitations.invite(callers.current(), salonId, masterId)
                .map(issued -> RestResponse.ResponseBuilder.<InvitationView>created(uri.getAbsolutePath())
                        .entity(InvitationView.of(issued.invitation(), salonId, issued.code())).build());
    }

    @GET
    @Path("/{masterId}/invitations")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<InvitationView> pendingInvitation(@PathParam("salonId") UUID salonId,
                                                 @PathParam("masterId") UUID masterId) {
        return invitations.pending(callers.current(), salonId, masterId)
                .map(invitation -> InvitationView.of(invitation, salonId, null));
    }

    @DELETE
    @Path("/{masterId}/invitations")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<RestResponse<Void>> revokeInvitation(@PathParam("salonId") UUID salonId,
                                                    @PathParam("masterId") UUID masterId) {
        return invitations.revoke(callers.current(), salonId, masterId).replaceWith(RestResponse.noContent());
    }

    /** Ends the link to the master's account: from the next request on its holder sees nothing of the salon. */
    @DELETE
    @Path("/{masterId}/account")
    @RolesAllowed({"SALON_OWNER", "ADMIN"})
    public Uni<RestResponse<Void>> unlinkAccount(@PathParam("salonId") UUID salonId,
                                                 @PathParam("masterId") UUID masterId) {
        return invitations.unlink(callers.current(), salonId, masterId).replaceWith(RestResponse.noContent());
    }
}
