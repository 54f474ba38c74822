package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.PromoCode;
import uz.aurelle.marketplace.service.PromoCodeService;
import uz.aurelle.marketplace.service.PromoCodeService.PromoData;

/** Owners manage their salons' codes ({@code salonId} set); admins also the global ones (no {@code salonId}). */
@Path("/api/promo-codes")
@RolesAllowed({"SALON_OWNER", "ADMIN"})
public class PromoCodeResource {

    private final PromoCodeService promos;
    private final Callers callers;

    public PromoCodeResource(PromoCodeService promos, Callers callers) {
        this.promos = promos;
        this.callers = callers;
    }

    public record PromoCodeView(UUID id, String code, UUID salonId, String kind, long value,
                                OffsetDateTime validFrom, OffsetDateTime validUntil, Integer maxRedemptions,
                                Integer maxPerClient, long minAmount, int redeemedCount, String currency,
                                OffsetDateTime createdAt) {

        static PromoCodeView of(PromoCode p) {
            return new PromoCodeView(p.id, p.code, p.salonId, p.kind.name(), p.value, utc(p.validFrom),
                    utc(p.validUntil), p.maxRedemptions, p.maxPerClient, p.minAmountTiyin, p.redeemedCount, "UZS",
                    utc(p.createdAt));
        }

        private static OffsetDateTime utc(Instant at) {
            return at == null ? null : at.atOffset(ZoneOffset.UTC);
        }
    }

    @POST
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<PromoCodeView>> create(PromoData data, UriInfo uri) {
        return promos.create(callers.current(), data)
                .map(p -> RestResponse.ResponseBuilder.<PromoCodeView>created(
                        uri.getAbsolutePathBuilder().path(p.id.toString()).build()).entity(PromoCodeView.of(p)).build());
    }

    /** One salon's codes, or the global ones when {@code salonId} is absent (admins). */
    @GET
    public Uni<PageResponse<PromoCodeView>> list(@QueryParam("salonId") String salonId,
                                                @QueryParam("page") @DefaultValue("0") String page,
                                                @QueryParam("size") @DefaultValue("20") String size) {
        return promos.list(callers.current(), uuid(salonId), Params.page(page), Params.size(size))
                .map(p -> p.map(PromoCodeView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<PromoCodeView> get(@PathParam("id") UUID id) {
        return promos.view(callers.current(), id).map(PromoCodeView::of);
    }

    @DELETE
    @Path("/{id}")
    @RateLimited(policy = RateLimits.OWNER_WRITE, key = RateLimited.Key.USER)
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return promos.delete(callers.current(), id).replaceWith(RestResponse.noContent());
    }

    @GET
    @Path("/deleted")
    @RolesAllowed("ADMIN")
    public Uni<PageResponse<PromoCodeView>> deleted(@QueryParam("page") @DefaultValue("0") String page,
                                                   @QueryParam("size") @DefaultValue("20") String size) {
        return promos.deleted(Params.page(page), Params.size(size)).map(p -> p.map(PromoCodeView::of));
    }

    @POST
    @Path("/{id}/restore")
    @RolesAllowed("ADMIN")
    public Uni<PromoCodeView> restore(@PathParam("id") UUID id) {
        return promos.restore(callers.current(), id).map(PromoCodeView::of);
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be a UUID.", "salonId")
                    .with("parameter", "salonId");
        }
    }
}
