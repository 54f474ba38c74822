package uz.aurelle.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a client can act on, rendered as RFC 9457 problem+json by the common mapper.
 * The {@code code} is stable and machine-readable (e.g. {@code slot_taken}); it also selects the
 * localised title/detail from the {@code i18n/problems} bundles, with {@code detail} as the
 * English fallback. Extension members (e.g. fresh slots on a conflict) travel in {@link #extensions()}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Object[] args;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String code, String detail, Object... args) {
        super(detail);
        this.status = status;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static ApiException badRequest(String code, String detail, Object... args) {
        return new ApiException(400, code, detail, args);
    }

    public static ApiException unauthorized(String code, String detail, Object... args) {
        return new ApiException(401, code, detail, args);
    }

    public static ApiException forbidden(String code, String detail, Object... args) {
        return new ApiException(403, code, detail, args);
    }

    public static ApiException notFound(String code, String detail, Object... args) {
        return new ApiException(404, code, detail, args);
    }

    public static ApiException conflict(String code, String detail, Object... args) {
        return new ApiException(409, code, detail, args);
    }

    public static ApiException unprocessable(String code, String detail, Object... args) {
        return new ApiException(422, code, detail, args);
    }

    public static ApiException tooManyRequests(String code, String detail, Object... args) {
        return new ApiException(429, code, detail, args);
    }

    public static ApiException unavailable(String code, String detail, Object... args) {
        return new ApiException(503, code, detail, args);
    }

    /** Adds an RFC 9457 extension member to the problem body. */
    public ApiException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header (e.g. {@code Retry-After}) sent with the problem. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Arguments for the localised message pattern ({@link java.text.MessageFormat}). */
    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
