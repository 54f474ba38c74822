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
    private final UzumService uzum;
    private final PaymentsConfig config;
    private final Clock clock;

    public TimeoutSweeper(ProviderTransactionRepository transactions, PaymeService payme, UzumService uzum,
                          PaymentsConfig config, Clock clock) {
        this.transactions = transactions;
        this.payme = payme;
        this.uzum = uzum;
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

    /** Returns how many transactions were cancelled (Payme 12 h → state -1 reason 4; Uzum 30 min → FAILED). */
    public Uni<Integer> sweep() {
        long paymeCutoff = clock.millis() - config.payme().timeout().toMillis();
        long uzumCutoff = clock.millis() - config.uzum().confirmTimeout().toMillis();
        Uni<Integer> paymeSwept = Panache.withSession(() -> transactions.openOlderThan(Provider.PAYME, paymeCutoff, BATCH))
                .chain(open -> count(Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(tx -> payme.sweep(tx.providerTransactionId))));
        Uni<Integer> uzumSwept = Panache.withSession(() -> transactions.openOlderThan(Provider.UZUM, uzumCutoff, BATCH))
                .chain(open -> count(Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(tx -> uzum.sweep(tx.providerTransactionId))));
        return paymeSwept.chain(p -> uzumSwept.map(u -> {
            if (p + u > 0) {
                Log.infof("timed out: %d Payme and %d Uzum transactions cancelled", p, u);
            }
            return p + u;
        }));
    }

    private static Uni<Integer> count(Multi<Boolean> results) {
        return results.collect().asList().map(list -> (int) list.stream().filter(Boolean::booleanValue).count());
    }
}
