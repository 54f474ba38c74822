package uz.aurelle.payments.client;

/** A failed call to marketplace-service, classified so callers can answer providers correctly. */
public class MarketplaceException extends RuntimeException {

    public enum Kind {
        /** 404: the booking does not exist. */
        NOT_FOUND,
        /** 409: marketplace refuses the change (e.g. booking_not_payable, booking_state_conflict). */
        CONFLICT,
        /** Down, timing out, 5xx or unexpected: the answer is unknown, never assume yes. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;

    public MarketplaceException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public boolean permanent() {
        return kind != Kind.UNAVAILABLE;
    }

    /** Permanent refusals are not retried and do not trip the circuit breaker. */
    public static class Refused extends MarketplaceException {
        public Refused(Kind kind, int status, String message, Throwable cause) {
            super(kind, status, message, cause);
        }
    }
}
