package uz.aurelle.common.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One security- or money-relevant event: who (actor type/id), what (action), on what (target),
 * how bad (severity) and structured details (never secrets: keys that look secret are redacted).
 * When and from where (UTC time, client IP, request id) are filled in by {@link AuditLog}.
 * <pre>{@code AuditEvent.of("user.role_changed").actor(ActorType.USER, adminId).target("user", userId)
 *     .detail("roles", List.of("ADMIN")) }</pre>
 */
public final class AuditEvent {

    public enum Severity {
        INFO, WARNING, CRITICAL
    }

    /** Well-known actor types; any short upper-case string works. */
    public static final class ActorType {
        public static final String USER = "USER";
        public static final String SERVICE = "SERVICE";
        public static final String PROVIDER = "PROVIDER";
        public static final String SYSTEM = "SYSTEM";
        public static final String ANONYMOUS = "ANONYMOUS";

        private ActorType() {
        }
    }

    private final String action;
    private String actorType = ActorType.SYSTEM;
    private String actorId;
    private String targetType;
    private String targetId;
    private Severity severity = Severity.INFO;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private AuditEvent(String action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    public static AuditEvent of(String action) {
        return new AuditEvent(action);
    }

    public AuditEvent actor(String type, Object id) {
        this.actorType = Objects.requireNonNull(type, "actor type");
        this.actorId = id == null ? null : id.toString();
        return this;
    }

    public AuditEvent target(String type, Object id) {
        this.targetType = type;
        this.targetId = id == null ? null : id.toString();
        return this;
    }

    public AuditEvent severity(Severity severity) {
        this.severity = Objects.requireNonNull(severity, "severity");
        return this;
    }

    public AuditEvent critical() {
        return severity(Severity.CRITICAL);
    }

    public AuditEvent detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public String action() {
        return action;
    }

    public String actorType() {
        return actorType;
    }

    public String actorId() {
        return actorId;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public Severity severity() {
        return severity;
    }

    public Map<String, Object> details() {
        return details;
    }
}
