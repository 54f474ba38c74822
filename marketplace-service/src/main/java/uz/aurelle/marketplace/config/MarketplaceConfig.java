package uz.aurelle.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "aurelle.marketplace")
public interface MarketplaceConfig {

    /** Longest date range one free-slots request may ask for. */
    @WithDefault("31")
    int maxSlotRangeDays();

    /** How often the job moves unpaid bookings with a lapsed hold to EXPIRED. */
    @WithDefault("30s")
    Duration holdSweepInterval();

    /**
     * Upper bound for a provider-requested hold extension, counted from now. Payme keeps a created
     * transaction open for 12 hours from its own time, and payments-service holds the slot that long.
     */
    @WithDefault("PT13H")
    Duration maxHoldExtension();

    MasterInvitations masterInvitations();

    DemoData demoData();

    interface MasterInvitations {
        /** How long the one-time code of an invitation to link a master's account can be accepted. */
        @WithDefault("P7D")
        Duration ttl();
    }

    interface DemoData {
        /** Loads the Tashkent demo data set at start-up (idempotent); only for local runs. */
        @WithDefault("false")
        boolean enabled();
    }
}
