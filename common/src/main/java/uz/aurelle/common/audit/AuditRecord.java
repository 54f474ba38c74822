package uz.aurelle.common.audit;

import java.time.Instant;

/** A stored audit row, as written or read back. {@code details} is canonical JSON text. */
public record AuditRecord(long seq, Instant occurredAt, String actorType, String actorId, String action,
        String targetType, String targetId, String ip, String requestId, String severity, String details,
        String prevHash, String hash) {
}
