package uz.aurelle.payments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.ProviderTransactionRepository;

/**
 * Enforces Payme's 12-hour rule even when Payme never calls again: open transactions past their
 * Payme {@code time} + 12 h are cancelled (state -1, reason 4) and the booking's hold released.
 */
@ApplicationScoped
public class TimeoutSweeper {

    private static final int BATCH = 100;

    private final ProviderTransactionRepository transactions;
    private final PaymeService payme;
    private final PaymentsConfig config;
    private final Clock clock;

    public TimeoutSweeper(ProviderTransactionRepository transactions, PaymeService payme, PaymentsConfig config,
                          Clock clock) {
        this.transactions = transactions;
        this.payme = payme;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aurelle.payments.sweeper.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid().onFailure().recoverWithItem(failure -> {
            Log.error("timeout sweep failed", failure);
            return null;
        });
    }

    /** Returns how many transactions were cancelled. */
    public Uni<Integer> sweep() {
        long cutoff = clock.millis() - config.payme().timeout().toMillis();
        return Panache.withSession(() -> transactions.openOlderThan(Provider.PAYME, cutoff, BATCH))
                .chain(open -> Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(tx -> payme.sweep(tx.providerTransactionId))
                        .collect().asList())
                .map(results -> {
                    int cancelled = (int) results.stream().filter(Boolean::booleanValue).count();
                    if (cancelled > 0) {
                        Log.infof("cancelled %d Payme transactions past the 12-hour limit", cancelled);
                    }
                    return cancelled;
                });
    }
}
