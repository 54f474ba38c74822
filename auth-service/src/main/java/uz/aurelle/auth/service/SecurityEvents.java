package uz.aurelle.auth.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;

/**
 * Security events (OWASP logging vocabulary): written to common's hash-chained audit log, joining the
 * caller's transaction so the event commits with the change it describes, and mirrored to the log.
 * Never given passwords, tokens or full phone numbers: ids and masked values only.
 */
@ApplicationScoped
public class SecurityEvents {

    private final AuditLog audit;

    public SecurityEvents(AuditLog audit) {
        this.audit = audit;
    }

    public Uni<Void> record(AuditEvent event) {
        String line = "security event=" + event.action() + " severity=" + event.severity() + " actor="
                + event.actorType() + ":" + event.actorId() + " target=" + event.targetType() + ":" + event.targetId();
        switch (event.severity()) {
            case CRITICAL -> Log.error(line);
            case WARNING -> Log.warn(line);
            default -> Log.info(line);
        }
        return audit.record(event).replaceWithVoid();
    }
}
