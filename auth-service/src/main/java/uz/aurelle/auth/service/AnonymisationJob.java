package uz.aurelle.auth.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Erases personal data of accounts deleted longer ago than the retention period (ZRU-547). */
@ApplicationScoped
public class AnonymisationJob {

    private final UserService users;

    public AnonymisationJob(UserService users) {
        this.users = users;
    }

    @Scheduled(every = "${aurelle.auth.retention.anonymise-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return users.anonymiseDeletedAccounts(AuthService.now())
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("anonymised %d deleted accounts", n);
                    }
                })
                .replaceWithVoid();
    }
}
