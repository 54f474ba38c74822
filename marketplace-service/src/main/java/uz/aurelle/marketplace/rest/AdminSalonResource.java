package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.SalonStatus;
import uz.aurelle.marketplace.rest.CatalogueViews.MasterView;
import uz.aurelle.marketplace.rest.CatalogueViews.ServiceView;
import uz.aurelle.marketplace.service.CatalogueService;
import uz.aurelle.marketplace.service.SalonManagementService;
import uz.aurelle.marketplace.service.StatsService;

/**
 * Moderation: approve, reject with a reason, suspend; list and restore deleted salons, and a salon's
 * deleted masters and services (under this prefix because the gateway routes only
 * {@code /api/admin/salons/} and {@code /api/admin/reviews/} to this service).
 */
@Path("/api/admin/salons")
@RolesAllowed("ADMIN")
public class AdminSalonResource {

    private final SalonManagementService salons;
    private final CatalogueService catalogue;
    private final StatsService stats;
    private final Callers callers;

    public AdminSalonResource(SalonManagementService salons, CatalogueService catalogue, StatsService stats,
                              Callers callers) {
        this.salons = salons;
        this.catalogue = catalogue;
        this.stats = stats;
        this.callers = callers;
    }

    /** Platform statistics over Tashkent-local dates {@code [from, to]}. */
    @GET
    @Path("/stats")
    public Uni<StatsService.PlatformStats> stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        return stats.platform(Params.date("from", from), Params.date("to", to));
    }

    public record ReasonRequest(String reason) {
    }

    @GET
    public Uni<PageResponse<SalonView>> list(@QueryParam("status") @DefaultValue("PENDING_REVIEW") String status,
                                            @QueryParam("page") @DefaultValue("0") String page,
                                            @QueryParam("size") @DefaultValue("20") String size) {
        SalonStatus wanted;
        try {
            wanted = SalonStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "Unknown salon status ''{0}''.", status)
                    .with("parameter", "status");
        }
        return salons.byStatus(wanted, Params.page(page), Params.size(size)).map(p -> p.map(SalonView::of));
    }

    @POST
    @Path("/{id}/approve")
    public Uni<SalonView> approve(@PathParam("id") UUID id) {
        return salons.approve(id).map(SalonView::of);
    }

    @POST
    @Path("/{id}/reject")
    public Uni<SalonView> reject(@PathParam("id") UUID id, ReasonRequest request) {
        return salons.reject(id, request == null ? null : request.reason()).map(SalonView::of);
    }

    @POST
    @Path("/{id}/suspend")
    public Uni<SalonView> suspend(@PathParam("id") UUID id, ReasonRequest request) {
        return salons.suspend(id, request == null ? null : request.reason()).map(SalonView::of);
    }

    @GET
    @Path("/deleted")
    public Uni<PageResponse<SalonView>> deleted(@QueryParam("page") @DefaultValue("0") String page,
                                               @QueryParam("size") @DefaultValue("20") String size) {
        return salons.deleted(Params.page(page), Params.size(size)).map(p -> p.map(SalonView::of));
    }

    @POST
    @Path("/{id}/restore")
    public Uni<RestResponse<Void>> restore(@PathParam("id") UUID id) {
        return salons.restore(id).replaceWith(RestResponse.noContent());
    }

    @GET
    @Path("/{id}/masters/deleted")
    public Uni<PageResponse<MasterView>> deletedMasters(@PathParam("id") UUID id,
                                                       @QueryParam("page") @DefaultValue("0") String page,
                                                       @QueryParam("size") @DefaultValue("20") String size) {
        return catalogue.deletedMasters(id, Params.page(page), Params.size(size)).map(p -> p.map(MasterView::of));
    }

    @POST
    @Path("/{id}/masters/{masterId}/restore")
    public Uni<MasterView> restoreMaster(@PathParam("id") UUID id, @PathParam("masterId") UUID masterId) {
        return catalogue.restoreMaster(callers.current(), id, masterId).map(MasterView::of);
    }

    @GET
    @Path("/{id}/services/deleted")
    public Uni<PageResponse<ServiceView>> deletedServices(@PathParam("id") UUID id,
                                                         @QueryParam("page") @DefaultValue("0") String page,
                                                         @QueryParam("size") @DefaultValue("20") String size) {
        return catalogue.deletedServices(id, Params.page(page), Params.size(size)).map(p -> p.map(ServiceView::of));
    }

    @POST
    @Path("/{id}/services/{serviceId}/restore")
    public Uni<ServiceView> restoreService(@PathParam("id") UUID id, @PathParam("serviceId") UUID serviceId) {
        return catalogue.restoreService(callers.current(), id, serviceId).map(ServiceView::of);
    }
}
