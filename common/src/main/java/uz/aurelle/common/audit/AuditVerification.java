package uz.aurelle.common.audit;

/**
 * Result of checking the hash chain. When invalid, {@code brokenAtSeq} is the first row that does not
 * fit (edited content, a missing predecessor, or a wrong link) and {@code reason} says which.
 */
public record AuditVerification(boolean valid, long checkedRows, Long brokenAtSeq, String reason) {

    static AuditVerification ok(long rows) {
        return new AuditVerification(true, rows, null, null);
    }

    static AuditVerification broken(long rows, long seq, String reason) {
        return new AuditVerification(false, rows, seq, reason);
    }
}
