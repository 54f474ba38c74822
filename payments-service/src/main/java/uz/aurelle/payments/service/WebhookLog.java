package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.WebhookCall;
import uz.aurelle.payments.repository.WebhookCallRepository;

/**
 * Keeps every provider call as received and as answered, for reconciliation and disputes.
 * Credentials never reach the table: the Authorization header is redacted and so are secret
 * body fields (Payme ChangePassword's {@code password}). A failure to log never changes the answer.
 */
@ApplicationScoped
public class WebhookLog {

    /** Headers worth keeping; everything else is noise. */
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "user-agent", "x-forwarded-for",
            "x-real-ip", "x-request-id", "x-signature", "authorization");

    public record Call(Provider provider, String endpoint, String merchant, String method,
                       String providerTransactionId, UUID orderId, String remoteAddress,
                       Map<String, String> headers, String requestBody, int responseStatus, String responseBody) {
    }

    private final WebhookCallRepository calls;
    private final ObjectMapper json;

    public WebhookLog(WebhookCallRepository calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public Uni<Void> record(Call call) {
        WebhookCall row = new WebhookCall();
        row.provider = call.provider();
        row.endpoint = call.endpoint();
        row.merchant = call.merchant();
        row.method = truncate(call.method(), 64);
        row.providerTransactionId = truncate(call.providerTransactionId(), 64);
        row.orderId = call.orderId();
        row.remoteAddress = truncate(call.remoteAddress(), 64);
        row.requestHeaders = headers(call.headers());
        row.requestBody = call.requestBody() == null ? "" : call.requestBody();
        row.responseStatus = call.responseStatus();
        row.responseBody = call.responseBody();
        row.receivedAt = Instant.now();
        return Panache.withTransaction(() -> calls.persist(row)).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.error("could not store a " + call.provider() + " webhook call", failure);
                    return null;
                });
    }

    /** Body text with the named top-level or {@code params} JSON fields replaced by "[redacted]". */
    public String redactJson(String body, String... fields) {
        try {
            var root = json.readTree(body);
            if (!(root instanceof ObjectNode object)) {
                return body;
            }
            boolean changed = redact(object, fields);
            if (object.get("params") instanceof ObjectNode params) {
                changed |= redact(params, fields);
            }
            return changed ? json.writeValueAsString(object) : body;
        } catch (Exception e) {
            return body;
        }
    }

    private static boolean redact(ObjectNode node, String... fields) {
        boolean changed = false;
        for (String field : fields) {
            if (node.has(field)) {
                node.put(field, "[redacted]");
                changed = true;
            }
        }
        return changed;
    }

    private String headers(Map<String, String> headers) {
        ObjectNode out = json.createObjectNode();
        headers.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (KEPT_HEADERS.contains(key)) {
                out.put(key, key.equals("authorization") ? "[redacted]" : value);
            }
        });
        return out.toString();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
