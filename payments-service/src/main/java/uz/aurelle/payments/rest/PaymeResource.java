package uz.aurelle.payments.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.service.PaymeService;
import uz.aurelle.payments.service.WebhookLog;

/**
 * Payme Merchant API endpoint. Always HTTP 200 with a JSON-RPC body (Payme treats anything else as
 * a failure), for auth failures and non-POST requests too. Not JWT-protected: Payme's own Basic key.
 */
@Path("/api/payments/payme")
@Produces(PaymeResource.JSON_UTF8)
public class PaymeResource {

    static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private final PaymeService payme;
    private final WebhookLog webhookLog;

    public PaymeResource(PaymeService payme, WebhookLog webhookLog) {
        this.payme = payme;
        this.webhookLog = webhookLog;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> rpc(String body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return handle(null, body, headers, request);
    }

    @POST
    @Path("/{merchant}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> rpcForMerchant(@PathParam("merchant") String merchant, String body,
                                        @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return handle(merchant, body, headers, request);
    }

    @GET
    public Response getNotAllowed() {
        return notPost();
    }

    @PUT
    public Response putNotAllowed() {
        return notPost();
    }

    @DELETE
    public Response deleteNotAllowed() {
        return notPost();
    }

    @PATCH
    public Response patchNotAllowed() {
        return notPost();
    }

    @GET
    @Path("/{merchant}")
    public Response getForMerchantNotAllowed() {
        return notPost();
    }

    @PUT
    @Path("/{merchant}")
    public Response putForMerchantNotAllowed() {
        return notPost();
    }

    private Response notPost() {
        return Response.ok(payme.notPost(), JSON_UTF8).build();
    }

    private Uni<Response> handle(String merchant, String body, HttpHeaders headers, HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return payme.handle(merchant, authorization, remote, body)
                .call(answer -> webhookLog.record(new WebhookLog.Call(Provider.PAYME,
                        merchant == null ? "/api/payments/payme" : "/api/payments/payme/" + merchant,
                        answer.merchant(), answer.method(), answer.transactionId(), answer.orderId(), remote,
                        flatten(headers), webhookLog.redactJson(body == null ? "" : body, "password"), 200,
                        answer.body())))
                .map(answer -> Response.ok(answer.body(), JSON_UTF8).build());
    }

    static Map<String, String> flatten(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> out.put(name, String.join(",", values)));
        return out;
    }
}
