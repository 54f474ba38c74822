package uz.aurelle.marketplace.service;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.JDBCException;

/** Finds a PostgreSQL SQLSTATE anywhere in a failure's cause chain (Hibernate Reactive wraps it variously). */
final class SqlStates {

    static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        return has(failure, UNIQUE_VIOLATION);
    }

    static boolean has(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if ((t instanceof PgException pg && sqlState.equals(pg.getSqlState()))
                    || (t instanceof SQLException sql && sqlState.equals(sql.getSQLState()))
                    || (t instanceof JDBCException jdbc && sqlState.equals(jdbc.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
