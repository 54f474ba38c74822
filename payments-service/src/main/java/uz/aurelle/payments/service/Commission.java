package uz.aurelle.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.config.PaymentsConfig;

/**
 * Platform commission in integer tiyin. Rule: {@code commission = floor(amount * bps / 10000)},
 * {@code net = amount - commission}: the fraction of a tiyin always stays with the salon, and
 * commission + net is exactly the amount paid. Basis points are configured per provider.
 */
@ApplicationScoped
public class Commission {

    public record Split(int bps, long commission, long net) {
    }

    private final PaymentsConfig config;

    public Commission(PaymentsConfig config) {
        this.config = config;
    }

    public Split split(Provider provider, long amount) {
        int bps = config.commissionBps().getOrDefault(provider.name().toLowerCase(Locale.ROOT), 0);
        long commission = Math.multiplyExact(amount, bps) / 10_000L;
        return new Split(bps, commission, amount - commission);
    }
}
