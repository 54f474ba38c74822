package uz.aurelle.payments.rest;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.service.ClickService;
import uz.aurelle.payments.service.WebhookLog;

/**
 * Click SHOP API webhooks: form-encoded in, JSON out, always HTTP 200 with Click's own error codes.
 * The body is read raw and decoded here so that a malformed request still gets Click's -8.
 */
@Path("/api/payments/click")
@Produces(PaymeResource.JSON_UTF8)
@Consumes(MediaType.WILDCARD)
public class ClickResource {

    private final ClickService click;
    private final WebhookLog webhookLog;

    public ClickResource(ClickService click, WebhookLog webhookLog) {
        this.click = click;
        this.webhookLog = webhookLog;
    }

    @POST
    @Path("/prepare")
    public Uni<Response> prepare(String body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return handle("/api/payments/click/prepare", body, headers, request, click::prepare);
    }

    @POST
    @Path("/complete")
    public Uni<Response> complete(String body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return handle("/api/payments/click/complete", body, headers, request, click::complete);
    }

    private Uni<Response> handle(String endpoint, String body, HttpHeaders headers, HttpServerRequest request,
                                 java.util.function.Function<Map<String, String>, Uni<ClickService.Answer>> call) {
        String raw = body == null ? "" : body;
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return call.apply(form(raw))
                .call(answer -> webhookLog.record(new WebhookLog.Call(Provider.CLICK, endpoint, answer.merchant(),
                        endpoint.substring(endpoint.lastIndexOf('/') + 1), answer.clickTransId(), answer.orderId(),
                        remote, PaymeResource.flatten(headers), raw, 200, answer.body())))
                .map(answer -> Response.ok(answer.body(), PaymeResource.JSON_UTF8).build());
    }

    /** Decoded form fields (first value of each), exactly as Click sent them. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        try {
            new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                    .forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
        return fields;
    }
}
