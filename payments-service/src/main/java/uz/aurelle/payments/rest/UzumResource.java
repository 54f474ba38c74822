package uz.aurelle.payments.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.service.UzumService;
import uz.aurelle.payments.service.WebhookLog;

/** Uzum Bank Merchant API webhooks; the raw body is kept for the optional HMAC check. */
@Path("/api/payments/uzum")
@Produces(PaymeResource.JSON_UTF8)
@Consumes(MediaType.WILDCARD)
public class UzumResource {

    private final UzumService uzum;
    private final WebhookLog webhookLog;

    public UzumResource(UzumService uzum, WebhookLog webhookLog) {
        this.uzum = uzum;
        this.webhookLog = webhookLog;
    }

    @POST
    @Path("/{operation}")
    public Uni<Response> webhook(@PathParam("operation") String operation, byte[] body, @Context HttpHeaders headers,
                                 @Context HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        byte[] raw = body == null ? new byte[0] : body;
        return uzum.handle(operation, headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                        headers.getHeaderString("X-Signature"), raw)
                .call(answer -> webhookLog.record(new WebhookLog.Call(Provider.UZUM, "/api/payments/uzum/" + operation,
                        answer.merchant(), operation, answer.transId(), answer.orderId(), remote,
                        PaymeResource.flatten(headers), new String(raw, StandardCharsets.UTF_8), answer.httpStatus(),
                        answer.body())))
                .map(answer -> Response.status(answer.httpStatus()).entity(answer.body())
                        .type(PaymeResource.JSON_UTF8).build());
    }
}
