package uz.aurelle.marketplace.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC against the test database, for arranging fixtures and checking rows behind the API. */
public final class Db {

    private Db() {
    }

    /**
     * Same defaults and environment overrides as the test profile. Read from the environment rather than
     * ConfigProvider: after a test-profile restart the config resolver belongs to another class loader.
     */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/aurelle_marketplace_test"),
                env("QUARKUS_DATASOURCE_USERNAME", "aurelle"), env("QUARKUS_DATASOURCE_PASSWORD", "aurelle"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static int update(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<List<Object>> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object scalar(String sql, Object... args) {
        List<List<Object>> rows = query(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /**
     * A transaction left open (autocommit off) so a test can hold row locks while the API runs into
     * them; commit or roll back, then close.
     */
    public static Connection begin() {
        try {
            Connection c = connect();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until another session of this database is blocked on a lock (held by the test's open transaction). */
    public static void awaitLockWaiter() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Object waiting = scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
            if (((Number) waiting).longValue() > 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no session blocked on the held lock within 60 s");
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
