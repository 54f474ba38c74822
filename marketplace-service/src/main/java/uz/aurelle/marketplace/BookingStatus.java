package uz.aurelle.marketplace;

import java.util.Set;

public enum BookingStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED, COMPLETED, NO_SHOW;

    /** Statuses that occupy the master (the exclusion constraint's predicate). */
    public static final Set<BookingStatus> ACTIVE = Set.of(PENDING_PAYMENT, CONFIRMED);

    public boolean finished() {
        return !ACTIVE.contains(this);
    }
}
