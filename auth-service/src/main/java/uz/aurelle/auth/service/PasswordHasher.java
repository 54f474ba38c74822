package uz.aurelle.auth.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.common.error.ApiException;

/**
 * Argon2id (OWASP: m = 19 MiB, t = 2, p = 1, set explicitly since password4j's defaults are lower),
 * PHC-formatted. Hashing runs on a small dedicated worker pool, never the event loop, and the number of
 * waiting requests is capped so a login flood cannot pile up unbounded work or memory.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private static final Argon2Function ARGON2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, 19);

    private final WorkerExecutor workers;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    /** Verified when the account does not exist, so unknown and known accounts take the same time. */
    private final String dummyHash;

    @Inject
    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this(vertx, config.password().maxConcurrentHashes(), config.password().maxQueuedHashes());
    }

    PasswordHasher(Vertx vertx, int maxConcurrent, int maxQueued) {
        this.workers = vertx.createSharedWorkerExecutor("argon2", maxConcurrent);
        this.maxPending = maxConcurrent + maxQueued;
        this.dummyHash = hashNow(UUID.randomUUID().toString());
    }

    public Uni<String> hash(String password) {
        return offload(() -> hashNow(password));
    }

    /** Verifies exactly the received characters (no trimming, truncation or case folding). */
    public Uni<Boolean> verify(String password, String phcHash) {
        return offload(() -> verifyNow(password, phcHash));
    }

    /** Burns the same work as a real verification and always fails. */
    public Uni<Boolean> verifyDummy(String password) {
        return offload(() -> {
            verifyNow(password, dummyHash);
            return false;
        });
    }

    static String hashNow(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
    }

    static boolean verifyNow(String password, String phcHash) {
        if (phcHash == null || !phcHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
    }

    private <T> Uni<T> offload(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (pending.incrementAndGet() > maxPending) {
                pending.decrementAndGet();
                return Uni.createFrom().failure(ApiException.unavailable("auth_busy",
                        "Too many sign-in attempts are being processed; retry shortly").header("Retry-After", "1"));
            }
            // Unordered: independent hashes may run in parallel up to the pool size.
            return workers.executeBlocking(work, false).eventually(pending::decrementAndGet);
        });
    }

    @PreDestroy
    void close() {
        workers.closeAndForget();
    }
}
