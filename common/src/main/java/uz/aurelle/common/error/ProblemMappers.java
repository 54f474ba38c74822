package uz.aurelle.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uz.aurelle.common.http.RequestContext;

/**
 * Renders every exception that reaches Quarkus REST as application/problem+json. Discovered by the
 * services through common's Jandex index; the priority is above the defaults so these win over
 * Quarkus' built-in mappers for the same types.
 */
public class ProblemMappers {

    static final int PRIORITY = Priorities.USER - 100;

    private final Problems problems;
    private final UnexpectedErrors unexpected;

    public ProblemMappers(Problems problems, UnexpectedErrors unexpected) {
        this.problems = problems;
        this.unexpected = unexpected;
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response apiException(ApiException e, HttpHeaders headers) {
        Response response = problems.response(e.status(), e.code(), e.getMessage(), e.args(), e.extensions(),
                locale(headers));
        if (e.headers().isEmpty() && e.status() != 401) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        if (e.status() == 401 && !e.headers().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ConstraintViolationException e, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // Our own response broke its contract: a server bug, not the client's fault.
            return unexpected.render(e, locale(headers));
        }
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(field(v.getPropertyPath()), constraintCode(v), v.getMessage()))
                .sorted(Comparator.comparing((Map<String, Object> m) -> (String) m.get("field"))
                        .thenComparing(m -> (String) m.get("code")))
                .collect(Collectors.toCollection(ArrayList::new));
        return problems.response(400, "validation_failed", null, null, Map.of("errors", errors), locale(headers));
    }

    @ServerExceptionMapper(priority = PRIORITY, value = { StreamReadException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class })
    public Response malformedJson(Exception e, HttpHeaders headers) {
        if (e instanceof InvalidDefinitionException) {
            // Jackson cannot handle one of our own types: a server bug.
            return unexpected.render(e, locale(headers));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            extensions.put("errors", List.of(fieldError(field, "invalid_type",
                    "has a wrong type or format")));
        }
        return problems.response(400, "malformed_body", null, null, extensions, locale(headers));
    }

    @ServerExceptionMapper(priority = PRIORITY, value = { UnauthorizedException.class,
            AuthenticationFailedException.class, AuthenticationCompletionException.class,
            NotAuthorizedException.class })
    public Response unauthorized(Exception e, HttpHeaders headers) {
        return Response.fromResponse(problems.response(401, "unauthorized", null, null, null, locale(headers)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper(priority = PRIORITY, value = { io.quarkus.security.ForbiddenException.class,
            jakarta.ws.rs.ForbiddenException.class })
    public Response forbidden(Exception e, HttpHeaders headers) {
        return problems.response(403, "forbidden", null, null, null, locale(headers));
    }

    @ServerExceptionMapper(priority = PRIORITY, value = { OptimisticLockException.class,
            StaleStateException.class })
    public Response concurrentModification(Exception e, HttpHeaders headers) {
        return problems.response(409, "concurrent_modification", null, null, null, locale(headers));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        com.fasterxml.jackson.core.JsonProcessingException json = find(e,
                com.fasterxml.jackson.core.JsonProcessingException.class);
        if (status == 400 && json != null) {
            // Quarkus wraps some Jackson read errors in a plain 400.
            return malformedJson(json, headers);
        }
        if (status >= 500) {
            return unexpected.render(e, locale(headers));
        }
        if (status < 400) {
            // Redirects and other non-errors thrown as exceptions keep their response.
            return e.getResponse();
        }
        Response.ResponseBuilder builder = Response.fromResponse(
                problems.response(status, Problems.codeFor(status), null, null, null, locale(headers)));
        for (String kept : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, "Retry-After")) {
            Object value = e.getResponse().getHeaders().getFirst(kept);
            if (value != null) {
                builder.header(kept, value);
            }
        }
        if (status == 401 && e.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        PgException pg = find(e, PgException.class);
        JDBCException jdbc = find(e, JDBCException.class);
        String sqlState = pg != null ? pg.getSqlState() : jdbc != null ? jdbc.getSQLState() : null;
        if ("23505".equals(sqlState) || "23P01".equals(sqlState)) {
            // A unique or exclusion constraint caught a race the service code did not; the name stays internal.
            Log.infof("Constraint violation %s rejected request %s", sqlState, RequestContext.requestId());
            return problems.response(409, "conflict", null, null, null, locale(headers));
        }
        ApiException api = find(e, ApiException.class);
        if (api != null) {
            return apiException(api, headers);
        }
        return unexpected.render(e, locale(headers));
    }

    static Locale locale(HttpHeaders headers) {
        return ProblemMessages.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Map<String, Object> fieldError(String field, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code register.request.phone} → {@code phone}; a bare parameter keeps its own name. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> {
                    // tags[1].<list element> → tags[1]: the element's index already sits on this node.
                    String suffix = node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "[" + node.getKey() + "]" : "";
                    if (!names.isEmpty() && !suffix.isEmpty() && !names.get(names.size() - 1).endsWith(suffix)) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + suffix);
                    }
                }
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null) {
                        name = name + "[" + node.getIndex() + "]";
                    } else if (node.getKey() != null) {
                        name = name + "[" + node.getKey() + "]";
                    }
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return String.join(".", names).replace(".[", "[");
    }

    /** {@code @NotBlank} → {@code not_blank}. */
    static String constraintCode(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
