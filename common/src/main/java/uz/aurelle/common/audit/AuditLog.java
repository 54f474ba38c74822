package uz.aurelle.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.reactive.mutiny.Mutiny;
import uz.aurelle.common.http.RequestContext;
import uz.aurelle.common.security.SecretKeys;
import uz.aurelle.common.security.Signatures;

/**
 * Append-only, hash-chained audit log in the service's own database (table {@code audit_log}, shipped
 * as the Flyway migration {@code db/common/R__aurelle_common_audit_log.sql}). Each row's hash is
 * SHA-256 over the previous row's hash and the row's canonical content; writers are serialised with a
 * transaction-scoped advisory lock so the chain stays linear across pods. {@link #record} joins the
 * caller's reactive transaction, so the audit row commits or rolls back with the business change.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);
    /** Advisory lock id: "AUDITLOG" in ASCII. */
    static final long LOCK_KEY = 0x415544_49544C4F47L;
    private static final int PAGE = 500;
    private static final String COLUMNS = "seq, (extract(epoch from occurred_at) * 1000000)::bigint, actor_type,"
            + " actor_id, action, target_type, target_id, ip, request_id, severity, details, prev_hash, hash";

    private final ObjectMapper canonical;

    public AuditLog(ObjectMapper mapper) {
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** Appends an event (UTC now, client IP and request id of the current request). */
    public Uni<AuditRecord> record(AuditEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String ip = RequestContext.clientIp();
        String requestId = RequestContext.requestId();
        String details = canonicalDetails(event.details());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")) l", Integer.class)
                .getSingleResult()
                .flatMap(locked -> s.createNativeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                        Object[].class).getResultList())
                .flatMap(last -> {
                    long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
                    String prev = last.isEmpty() ? GENESIS : last.get(0)[1].toString().trim();
                    AuditRecord row = new AuditRecord(seq, now, event.actorType(), event.actorId(), event.action(),
                            event.targetType(), event.targetId(), ip, requestId, event.severity().name(), details,
                            prev, null);
                    AuditRecord hashed = withHash(row, hash(row));
                    return insert(s, hashed).replaceWith(hashed);
                })));
    }

    /** Checks the whole chain. */
    public Uni<AuditVerification> verify() {
        return verifyFrom(1);
    }

    /** Checks the chain from {@code fromSeq} on, anchored on the stored hash of the row before it. */
    public Uni<AuditVerification> verifyFrom(long fromSeq) {
        long start = Math.max(1, fromSeq);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            Uni<String> anchor = start == 1 ? Uni.createFrom().item(GENESIS)
                    : s.createNativeQuery("SELECT hash FROM audit_log WHERE seq = :seq", String.class)
                            .setParameter("seq", start - 1).getResultList()
                            .map(rows -> rows.isEmpty() ? null : rows.get(0).trim());
            return anchor.flatMap(prev -> prev == null
                    ? Uni.createFrom().item(AuditVerification.broken(0, start, "row " + (start - 1) + " is missing"))
                    : page(s, start, prev, 0));
        }));
    }

    private Uni<AuditVerification> page(Mutiny.Session s, long expectedSeq, String prevHash, long checked) {
        return s.createNativeQuery("SELECT " + COLUMNS + " FROM audit_log WHERE seq >= :from ORDER BY seq LIMIT " + PAGE,
                Object[].class).setParameter("from", expectedSeq).getResultList().flatMap(rows -> {
                    long expected = expectedSeq;
                    String prev = prevHash;
                    long count = checked;
                    for (Object[] r : rows) {
                        AuditRecord row = read(r);
                        if (row.seq() != expected) {
                            return Uni.createFrom().item(AuditVerification.broken(count, expected,
                                    "row " + expected + " is missing"));
                        }
                        if (!row.prevHash().equals(prev)) {
                            return Uni.createFrom().item(AuditVerification.broken(count, row.seq(),
                                    "link to the previous row does not match"));
                        }
                        if (!hash(row).equals(row.hash())) {
                            return Uni.createFrom().item(AuditVerification.broken(count, row.seq(),
                                    "content does not match its hash"));
                        }
                        prev = row.hash();
                        expected++;
                        count++;
                    }
                    if (rows.size() < PAGE) {
                        return Uni.createFrom().item(AuditVerification.ok(count));
                    }
                    return page(s, expected, prev, count);
                });
    }

    private static Uni<Integer> insert(Mutiny.Session s, AuditRecord r) {
        return s.createNativeQuery("INSERT INTO audit_log (seq, occurred_at, actor_type, actor_id, action, target_type,"
                + " target_id, ip, request_id, severity, details, prev_hash, hash) VALUES (:seq,"
                + " TIMESTAMPTZ 'epoch' + :micros * INTERVAL '1 microsecond', :actorType, :actorId, :action, :targetType, :targetId, :ip,"
                + " :requestId, :severity, :details, :prevHash, :hash)")
                .setParameter("seq", r.seq())
                .setParameter("micros", micros(r.occurredAt()))
                .setParameter("actorType", r.actorType())
                .setParameter("actorId", r.actorId())
                .setParameter("action", r.action())
                .setParameter("targetType", r.targetType())
                .setParameter("targetId", r.targetId())
                .setParameter("ip", r.ip())
                .setParameter("requestId", r.requestId())
                .setParameter("severity", r.severity())
                .setParameter("details", r.details())
                .setParameter("prevHash", r.prevHash())
                .setParameter("hash", r.hash())
                .executeUpdate();
    }

    /** SHA-256(previous hash + "\n" + canonical JSON array of the row's content). */
    String hash(AuditRecord r) {
        List<Object> content = Arrays.asList(r.seq(), micros(r.occurredAt()), r.actorType(), r.actorId(), r.action(),
                r.targetType(), r.targetId(), r.ip(), r.requestId(), r.severity(), r.details());
        try {
            return Signatures.sha256Hex(r.prevHash() + "\n" + canonical.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sorted keys, secret-looking keys redacted at any depth. */
    String canonicalDetails(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return "{}";
        }
        JsonNode tree = canonical.valueToTree(details);
        redact(tree);
        try {
            return canonical.writeValueAsString(canonical.treeToValue(tree, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not JSON-serialisable", e);
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> secret = new ArrayList<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (SecretKeys.isSecret(name)) {
                    secret.add(name);
                } else {
                    redact(object.get(name));
                }
            }
            secret.forEach(name -> object.set(name, TextNode.valueOf(SecretKeys.REDACTED)));
        } else if (node != null && node.isArray()) {
            node.forEach(AuditLog::redact);
        }
    }

    private static AuditRecord read(Object[] r) {
        long micros = ((Number) r[1]).longValue();
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                TimeUnit.MICROSECONDS.toNanos(Math.floorMod(micros, 1_000_000L)));
        return new AuditRecord(((Number) r[0]).longValue(), at, str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
                str(r[7]), str(r[8]), str(r[9]), str(r[10]), str(r[11]).trim(), str(r[12]).trim());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.seq(), r.occurredAt(), r.actorType(), r.actorId(), r.action(), r.targetType(),
                r.targetId(), r.ip(), r.requestId(), r.severity(), r.details(), r.prevHash(), hash);
    }
}
