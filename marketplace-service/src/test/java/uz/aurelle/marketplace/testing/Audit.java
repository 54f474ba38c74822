package uz.aurelle.marketplace.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.audit.AuditVerification;

/** Reads audit rows behind the API and checks the hash chain. */
public final class Audit {

    private Audit() {
    }

    public record Event(String action, String actorType, String actorId, String targetType, String targetId,
                        String requestId, String details) {
    }

    /** The events with this action on this target, oldest first. */
    public static List<Event> events(String action, Object targetId) {
        return Db.query("SELECT action, actor_type, actor_id, target_type, target_id, request_id, details::text"
                        + " FROM audit_log WHERE action = ? AND target_id = ? ORDER BY seq", action,
                        targetId.toString()).stream()
                .map(r -> new Event((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3),
                        (String) r.get(4), (String) r.get(5), (String) r.get(6)))
                .toList();
    }

    /** Verifies the whole chain on a Vert.x context, as an admin job would. */
    public static void assertChainValid(AuditLog log) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AuditVerification result;
        try {
            result = VertxContextSupport.subscribeAndAwait(log::verify);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(loader);
        }
        assertThat(result.valid()).as("audit chain broken at %s: %s", result.brokenAtSeq(), result.reason()).isTrue();
        assertThat(result.checkedRows()).isPositive();
    }
}
