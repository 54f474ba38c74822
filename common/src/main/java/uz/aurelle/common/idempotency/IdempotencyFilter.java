package uz.aurelle.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.security.Signatures;

/**
 * Idempotency-Key handling for {@link Idempotent} methods (IETF draft-ietf-httpapi-idempotency-key-header,
 * Stripe semantics). Redis holds, per caller and key, first an IN_FLIGHT claim (SET NX with a short
 * TTL), then the completed response for {@code aurelle.idempotency.retention}. The request
 * fingerprint is method + path + query + SHA-256 of the raw body.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,253}[\\x21-\\x7E])?");
    /** Response headers worth replaying; the rest (dates, request ids, rate limits) belong to the new request. */
    private static final List<String> STORED_HEADERS = List.of("Location", "Content-Location", "ETag",
            "Cache-Control", "Pragma", "Retry-After");

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveRedisDataSource redis;
    private final IdempotencyConfig config;
    private final ObjectMapper mapper;
    private final Instance<CurrentIdentityAssociation> identity;

    public IdempotencyFilter(ReactiveRedisDataSource redis, IdempotencyConfig config, ObjectMapper mapper,
            Instance<CurrentIdentityAssociation> identity) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.config = config;
        this.mapper = mapper;
        this.identity = identity;
    }

    record Claim(String redisKey, String fingerprint) {
    }

    /** What Redis holds for a key. */
    public record Entry(String state, String fingerprint, Integer status, String contentType,
            Map<String, String> headers, String body) {
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Uni<Response> claim(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Idempotent idempotent = method == null ? null : method.getAnnotation(Idempotent.class);
        if (idempotent == null) {
            return Uni.createFrom().nullItem();
        }
        String raw = request.getHeaderString(HEADER);
        if (raw == null) {
            return idempotent.required()
                    ? Uni.createFrom().failure(ApiException.badRequest("idempotency_key_missing",
                            "This request requires an Idempotency-Key header."))
                    : Uni.createFrom().nullItem();
        }
        String key = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                ? raw.substring(1, raw.length() - 1) : raw;
        if (!VALID_KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(ApiException.badRequest("idempotency_key_invalid",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters."));
        }
        String bodyHash = IdempotencyBodyCapture.currentBodyHash().orElse(Signatures.sha256Hex(new byte[0]));
        String fingerprint = Signatures.sha256Hex(request.getMethod() + " " + request.getUriInfo().getRequestUri()
                .getRawPath() + "?" + nullToEmpty(request.getUriInfo().getRequestUri().getRawQuery()) + "\n" + bodyHash);
        return caller().flatMap(scope -> {
            // One caller's key never reaches another caller's response.
            String redisKey = config.keyPrefix() + Signatures.sha256Hex(scope + "\n" + key);
            String inFlight = json(new Entry("IN_FLIGHT", fingerprint, null, null, null, null));
            return redis.execute("SET", redisKey, inFlight, "NX", "PX",
                    Long.toString(config.inFlightTimeout().toMillis()))
                    .flatMap(ok -> {
                        if (ok != null) {
                            request.setProperty(CLAIM, new Claim(redisKey, fingerprint));
                            return Uni.createFrom().<Response>nullItem();
                        }
                        return values.get(redisKey).map(stored -> answerFor(stored, fingerprint));
                    });
        });
    }

    /** The answer to a request whose key was already claimed. */
    private Response answerFor(String stored, String fingerprint) {
        if (stored == null) {
            // Released or expired between our SET and GET: the client may simply retry.
            throw ApiException.conflict("idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed; retry later.")
                    .header("Retry-After", "1");
        }
        Entry entry = parse(stored);
        if (!fingerprint.equals(entry.fingerprint())) {
            throw ApiException.unprocessable("idempotency_key_reused",
                    "This Idempotency-Key was already used with a different request body.");
        }
        if (!"COMPLETED".equals(entry.state())) {
            throw ApiException.conflict("idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed; retry later.")
                    .header("Retry-After", "1");
        }
        Response.ResponseBuilder replay = Response.status(entry.status()).header(REPLAYED_HEADER, "true");
        if (entry.headers() != null) {
            entry.headers().forEach(replay::header);
        }
        if (entry.body() != null) {
            replay.entity(Base64.getDecoder().decode(entry.body()));
            if (entry.contentType() != null) {
                replay.type(entry.contentType());
            }
        }
        return replay.build();
    }

    @ServerResponseFilter
    public Uni<Void> store(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() >= 500 || response.getStatus() == 429) {
            // A failed or throttled attempt must not be replayed for 24 h: release the key so the client can retry.
            return redis.execute("DEL", claim.redisKey()).replaceWithVoid()
                    .onFailure().invoke(e -> Log.warnf("Could not release idempotency key: %s", e.toString()))
                    .onFailure().recoverWithNull();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Entry done = new Entry("COMPLETED", claim.fingerprint(), response.getStatus(),
                contentType(response), headers, body(response.getEntity()));
        return values.set(claim.redisKey(), json(done), new SetArgs().px(config.retention()))
                .onFailure().invoke(e -> Log.warnf("Could not store idempotent response: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * The type the client got. Without an explicit {@code @Produces} the type is only chosen at serialisation,
     * after this filter: an object entity is then what {@link #body} serialises as JSON.
     */
    private static String contentType(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null) {
            return type.toString();
        }
        Object entity = response.getEntity();
        if (entity == null || entity instanceof byte[]) {
            return null;
        }
        return entity instanceof String ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        byte[] bytes;
        if (entity instanceof byte[] b) {
            bytes = b;
        } else if (entity instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = mapper.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("response not serialisable for idempotent replay", e);
            }
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Entry parse(String stored) {
        try {
            return mapper.readValue(stored, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt idempotency entry", e);
        }
    }

    private Uni<String> caller() {
        if (!identity.isResolvable()) {
            return Uni.createFrom().item("anonymous");
        }
        return identity.get().getDeferredIdentity()
                .map(id -> id == null || id.isAnonymous() || id.getPrincipal() == null ? "anonymous"
                        : "user:" + id.getPrincipal().getName())
                .onFailure().recoverWithItem("anonymous");
    }

    private String json(Entry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
