package uz.aurelle.payments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;

/** The money rules PostgreSQL itself enforces, whatever the Java code does. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class SchemaConstraintsTest {

    private static String insertOrder(UUID id, UUID booking, String provider, String state) {
        String paid = state.equals("PAID") ? "now(), 0, 1000, 0" : "NULL, NULL, NULL, NULL";
        return "INSERT INTO payment_order (id, booking_id, client_id, salon_id, salon_owner_id, provider, merchant, amount,"
                + " state, paid_at, commission, net_amount, commission_bps, created_at, updated_at) VALUES ('" + id + "', '"
                + booking + "', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '" + provider + "', 'default', 1000, '"
                + state + "', " + paid + ", now(), now())";
    }

    @Test
    void oneOpenOrderPerBookingAndProvider() {
        UUID booking = UUID.randomUUID();
        Db.query(insertOrder(UUID.randomUUID(), booking, "PAYME", "CREATED"));
        Db.query(insertOrder(UUID.randomUUID(), booking, "CLICK", "CREATED"));
        assertThatThrownBy(() -> Db.query(insertOrder(UUID.randomUUID(), booking, "PAYME", "CREATED")))
                .hasMessageContaining("payment_order_one_open_per_booking_provider");
    }

    @Test
    void aPaidBookingCannotBePaidAgain() {
        UUID booking = UUID.randomUUID();
        Db.query(insertOrder(UUID.randomUUID(), booking, "PAYME", "PAID"));
        assertThatThrownBy(() -> Db.query(insertOrder(UUID.randomUUID(), booking, "CASH", "PAID")))
                .hasMessageContaining("payment_order_one_paid_per_booking");
        // Commission + net must add up to the amount of a paid order.
        assertThatThrownBy(() -> Db.query(insertOrder(UUID.randomUUID(), UUID.randomUUID(), "CASH", "PAID")
                .replace("now(), 0, 1000, 0", "now(), 1, 1000, 0")))
                .hasMessageContaining("check");
    }

    @Test
    void providerTransactionIdsAreUniquePerProvider() {
        UUID order = UUID.randomUUID();
        Db.query(insertOrder(order, UUID.randomUUID(), "PAYME", "CREATED"));
        String id = UUID.randomUUID().toString().substring(0, 24);
        String insert = "INSERT INTO provider_transaction (provider, provider_transaction_id, merchant, order_id, amount,"
                + " state, create_time_ms, created_at, updated_at) VALUES ('%s', '" + id + "', 'default', '" + order
                + "', 1000, '%s', 1, now(), now())";
        Db.query(insert.formatted("PAYME", "CANCELLED"));
        assertThatThrownBy(() -> Db.query(insert.formatted("PAYME", "CANCELLED")))
                .hasMessageContaining("provider_transaction_unique");
        // The same id from another provider is another transaction.
        Db.query(insert.formatted("CLICK", "CANCELLED"));
    }
}
