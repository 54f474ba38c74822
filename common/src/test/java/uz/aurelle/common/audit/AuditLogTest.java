package uz.aurelle.common.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes through the real HTTP + Hibernate Reactive path; tampering is done with direct SQL (JDBC). */
@QuarkusTest
class AuditLogTest {

    @Inject
    AgroalDataSource jdbc;

    private static long recordOne(String target, String requestId) {
        return ((Number) given().header("X-Request-Id", requestId).queryParam("target", target)
                .post("/fixture/audit").then().statusCode(200).extract().path("seq")).longValue();
    }

    private static AuditVerification verifyFrom(long seq) {
        return given().queryParam("from", seq).get("/fixture/audit/verify").then().statusCode(200)
                .extract().as(AuditVerification.class);
    }

    @Test
    void rowsCarryWhoWhatWhenWhereAndNoSecrets() throws SQLException {
        String target = UUID.randomUUID().toString();
        long seq = recordOne(target, "audit-req-1");
        try (Connection c = jdbc.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("actor_type")).isEqualTo("USER");
            assertThat(rs.getString("actor_id")).isEqualTo("u-1");
            assertThat(rs.getString("action")).isEqualTo("fixture.touched");
            assertThat(rs.getString("target_type")).isEqualTo("fixture");
            assertThat(rs.getString("target_id")).isEqualTo(target);
            assertThat(rs.getString("ip")).isEqualTo("127.0.0.1");
            assertThat(rs.getString("request_id")).isEqualTo("audit-req-1");
            assertThat(rs.getString("severity")).isEqualTo("INFO");
            assertThat(rs.getString("details")).isEqualTo("{\"password\":\"[redacted]\",\"step\":{\"n\":1}}")
                    .doesNotContain("hunter2");
            assertThat(rs.getTimestamp("occurred_at").toInstant())
                    .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(5));
            assertThat(rs.getString("hash")).hasSize(64);
        }
        assertThat(verifyFrom(seq).valid()).isTrue();
    }

    @Test
    void concurrentWritersProduceOneLinearChain() throws Exception {
        long before = maxSeq();
        List<CompletableFuture<Long>> writers = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> recordOne("concurrent-" + i, "conc-" + i)))
                .toList();
        List<Long> seqs = new ArrayList<>();
        for (CompletableFuture<Long> w : writers) {
            seqs.add(w.get());
        }
        assertThat(seqs).doesNotHaveDuplicates().allMatch(s -> s > before);
        AuditVerification result = verifyFrom(before + 1);
        assertThat(result.valid()).as(String.valueOf(result)).isTrue();
        assertThat(result.checkedRows()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws SQLException {
        long seq = recordOne("immutable", "imm-1");
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> st.executeUpdate("UPDATE audit_log SET action = 'x' WHERE seq = " + seq))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> st.executeUpdate("DELETE FROM audit_log WHERE seq = " + seq))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_log"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void anEditedRowIsDetected() throws SQLException {
        long first = recordOne("edit-a", "edit-1");
        long edited = recordOne("edit-b", "edit-2");
        recordOne("edit-c", "edit-3");
        assertThat(verifyFrom(first).valid()).isTrue();
        String original;
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT actor_id FROM audit_log WHERE seq = " + edited);
            rs.next();
            original = rs.getString(1);
            // An owner-level attacker switches the trigger off and rewrites who did it.
            tamper(st, "UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = " + edited);
            try {
                AuditVerification result = verifyFrom(first);
                assertThat(result.valid()).isFalse();
                assertThat(result.brokenAtSeq()).isEqualTo(edited);
                assertThat(result.reason()).contains("content");
            } finally {
                tamper(st, "UPDATE audit_log SET actor_id = '" + original + "' WHERE seq = " + edited);
            }
        }
        assertThat(verifyFrom(first).valid()).isTrue();
    }

    @Test
    void aDeletedRowIsDetected() throws SQLException {
        long first = recordOne("del-a", "del-1");
        long deleted = recordOne("del-b", "del-2");
        recordOne("del-c", "del-3");
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            ResultSet rs = st.executeQuery("SELECT * FROM audit_log WHERE seq = " + deleted);
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            tamper(st, "DELETE FROM audit_log WHERE seq = " + deleted);
            try {
                AuditVerification result = verifyFrom(first);
                assertThat(result.valid()).isFalse();
                assertThat(result.brokenAtSeq()).isEqualTo(deleted);
                assertThat(result.reason()).contains("missing");
            } finally {
                restore(c, row);
            }
        }
        assertThat(verifyFrom(first).valid()).isTrue();
    }

    private long maxSeq() throws SQLException {
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_log");
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void tamper(Statement st, String sql) throws SQLException {
        st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
        try {
            st.executeUpdate(sql);
        } finally {
            st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
        }
    }

    private static void restore(Connection c, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
    }
}
