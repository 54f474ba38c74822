package uz.aurelle.payments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uz.aurelle.common.security.BasicCredentials;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.payments.PaymeKeyOverride;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.PaymeKeyOverrideRepository;

/**
 * Payme's {@code Authorization: Basic base64("Paycom:" + KEY)}, per cash desk. The endpoint path
 * names the merchant; without it, the key identifies the merchant. Every candidate key is
 * compared in constant time (no early exit). A key set by ChangePassword replaces the configured one.
 */
@ApplicationScoped
public class PaymeAuthenticator {

    private static final String LOGIN = "Paycom";

    private final PaymentsConfig config;
    private final Merchants merchantConfig;
    private final PaymeKeyOverrideRepository overrides;
    private final Clock clock;

    public PaymeAuthenticator(PaymentsConfig config, Merchants merchantConfig, PaymeKeyOverrideRepository overrides,
                              Clock clock) {
        this.config = config;
        this.merchantConfig = merchantConfig;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The authenticated merchant name, or null (→ -32504). */
    public Uni<String> authenticate(String merchantPath, String authorization, String remoteAddress) {
        if (config.payme().ipAllowlistEnabled() && !config.payme().allowedAddresses().contains(remoteAddress)) {
            Log.warnf("Payme call from a non-allow-listed address %s", remoteAddress);
            return Uni.createFrom().nullItem();
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        Map<String, PaymentsConfig.PaymeMerchant> merchants = config.payme().merchants();
        if (merchantPath != null && !merchants.containsKey(merchantPath)) {
            return Uni.createFrom().nullItem();
        }
        List<String> candidates = merchantPath != null ? List.of(merchantPath) : List.copyOf(merchants.keySet());
        return Panache.withSession(() -> overrides.listAll()).map(list -> {
            Map<String, String> changed = list.stream()
                    .collect(Collectors.toMap(o -> o.merchant, o -> o.keySha256));
            String match = null;
            for (String name : candidates) {
                boolean ok = credentials.map(c -> matches(c, name, merchants.get(name), changed)).orElse(false);
                if (ok && match == null) {
                    match = name;
                }
            }
            if (match == null) {
                Log.warnf("Payme authentication failed (merchant path %s)", merchantPath);
            }
            return match;
        });
    }

    private boolean matches(BasicCredentials credentials, String name, PaymentsConfig.PaymeMerchant merchant,
                                   Map<String, String> changed) {
        String changedHash = changed.get(name);
        if (changedHash == null) {
            return merchantConfig.usable(merchant.key()) & credentials.matches(LOGIN, merchant.key());
        }
        boolean login = Signatures.constantTimeEquals(LOGIN, credentials.username());
        boolean key = Signatures.hexEquals(changedHash, Signatures.sha256Hex(credentials.password()));
        return login & key;
    }

    /** ChangePassword: from now on only the new key is accepted for this merchant. */
    public Uni<Void> changeKey(String merchant, String newKey) {
        return Panache.withTransaction(() -> overrides.findById(merchant).chain(existing -> {
            PaymeKeyOverride row = existing != null ? existing : new PaymeKeyOverride();
            row.merchant = merchant;
            row.keySha256 = Signatures.sha256Hex(newKey);
            row.changedAt = clock.instant();
            Log.infof("Payme cash-desk key of merchant %s changed", merchant);
            return existing != null ? Uni.createFrom().voidItem() : overrides.persist(row).replaceWithVoid();
        }));
    }
}
