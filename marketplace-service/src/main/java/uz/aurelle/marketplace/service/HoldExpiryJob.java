package uz.aurelle.marketplace.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Moves unpaid bookings whose hold lapsed to EXPIRED, freeing the slot for the exclusion constraint. */
@ApplicationScoped
public class HoldExpiryJob {

    private static final int BATCH = 200;

    private final BookingService bookings;

    public HoldExpiryJob(BookingService bookings) {
        this.bookings = bookings;
    }

    @Scheduled(every = "${aurelle.marketplace.hold-sweep-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return bookings.expireLapsedHolds(BATCH)
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("expired %d unpaid booking hold(s)", count);
                    }
                })
                .onFailure().invoke(e -> Log.warn("hold expiry sweep failed; retrying next run", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
