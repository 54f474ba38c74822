package uz.aurelle.payments.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uz.aurelle.payments.Provider;

/**
 * Resolves per-merchant (cash desk) credentials: Payme by endpoint path or key, Click by
 * {@code service_id}, Uzum by {@code serviceId}; orders are assigned to the merchant that lists
 * their salon, else to {@value PaymentsConfig#DEFAULT_MERCHANT}.
 */
@ApplicationScoped
public class Merchants {

    private final PaymentsConfig config;

    public Merchants(PaymentsConfig config) {
        this.config = config;
    }

    /** False for a placeholder secret outside dev/test: that cash desk authenticates nobody. */
    public boolean usable(String secret) {
        return secret != null && !secret.isEmpty()
                && (config.localDevCredentialsAllowed() || !secret.startsWith(PaymentsConfig.LOCAL_DEV_PREFIX));
    }

    public Map<String, PaymentsConfig.PaymeMerchant> payme() {
        return config.payme().merchants();
    }

    public Optional<PaymentsConfig.PaymeMerchant> payme(String name) {
        return Optional.ofNullable(config.payme().merchants().get(name));
    }

    public Optional<PaymentsConfig.ClickMerchant> click(String name) {
        return Optional.ofNullable(config.click().merchants().get(name));
    }

    public Optional<PaymentsConfig.UzumMerchant> uzum(String name) {
        return Optional.ofNullable(config.uzum().merchants().get(name));
    }

    /** Name of the Click merchant with this {@code service_id}, exactly as Click sent it. */
    public Optional<String> clickByServiceId(String serviceId) {
        return config.click().merchants().entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().serviceId()).equals(serviceId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public Optional<String> uzumByServiceId(String serviceId) {
        return config.uzum().merchants().entrySet().stream()
                .filter(e -> e.getValue().serviceId().equals(serviceId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The merchant a salon's orders are paid to, for an online provider. */
    public String forSalon(Provider provider, UUID salonId) {
        String salon = salonId.toString();
        Map<String, Optional<List<String>>> salonsByMerchant = new LinkedHashMap<>();
        switch (provider) {
            case PAYME -> config.payme().merchants().forEach((k, v) -> salonsByMerchant.put(k, v.salons()));
            case CLICK -> config.click().merchants().forEach((k, v) -> salonsByMerchant.put(k, v.salons()));
            case UZUM -> config.uzum().merchants().forEach((k, v) -> salonsByMerchant.put(k, v.salons()));
            default -> {
                return PaymentsConfig.DEFAULT_MERCHANT;
            }
        }
        return salonsByMerchant.entrySet().stream()
                .filter(e -> e.getValue().map(list -> list.contains(salon)).orElse(false))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(PaymentsConfig.DEFAULT_MERCHANT);
    }
}
