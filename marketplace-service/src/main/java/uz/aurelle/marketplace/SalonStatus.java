package uz.aurelle.marketplace;

public enum SalonStatus {
    PENDING_REVIEW, ACTIVE, REJECTED, SUSPENDED
}
