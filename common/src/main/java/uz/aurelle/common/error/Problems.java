package uz.aurelle.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uz.aurelle.common.http.RequestContext;

/**
 * Builds RFC 9457 problem documents: {@code type, title, status, detail, code, instance, requestId}
 * plus extension members. Used by the JAX-RS exception mappers and the Vert.x failure handler alike.
 */
@ApplicationScoped
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://aurelle.uz/problems/";

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The generic code for a status, used when an exception brings no code of its own. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /**
     * The problem body. Title and detail come from the bundles for {@code code} in {@code locale};
     * without a bundle entry the title is the generic one for the status and the detail is
     * {@code fallbackDetail} (English, from the exception).
     */
    public Map<String, Object> body(int status, String code, String fallbackDetail, Object[] args,
            Map<String, Object> extensions, Locale locale) {
        String title = ProblemMessages.text(code, "title", locale, args)
                .or(() -> ProblemMessages.text(codeFor(status), "title", locale))
                .orElseGet(() -> reason(status));
        String detail = ProblemMessages.text(code, "detail", locale, args)
                .orElseGet(() -> fallbackDetail != null ? fallbackDetail
                        : ProblemMessages.text(codeFor(status), "detail", locale).orElse(title));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        RequestContext.current().ifPresent(r -> {
            body.put("instance", r.path());
            body.put("requestId", r.requestId());
        });
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    public byte[] bytes(Map<String, Object> body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // An extension member that cannot be serialised must not turn a 4xx into a 500 without a body.
            Map<String, Object> plain = new LinkedHashMap<>(body);
            plain.keySet().retainAll(List.of("type", "title", "status", "detail", "code", "instance", "requestId"));
            try {
                return mapper.writeValueAsBytes(plain);
            } catch (JsonProcessingException impossible) {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    public Response response(int status, String code, String fallbackDetail, Object[] args,
            Map<String, Object> extensions, Locale locale) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(bytes(body(status, code, fallbackDetail, args, extensions, locale)))
                .build();
    }

    private static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }
}
