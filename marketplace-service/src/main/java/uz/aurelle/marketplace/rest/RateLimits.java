package uz.aurelle.marketplace.rest;

/** Rate-limit policy names (configured under {@code aurelle.rate-limit.policies.*}, see application.properties). */
final class RateLimits {

    static final String BOOKING = "marketplace-booking-user";
    static final String PROMO = "marketplace-promo-user";
    static final String REVIEW = "marketplace-review-user";
    static final String SEARCH = "marketplace-search-ip";
    static final String OWNER_WRITE = "marketplace-owner-write-user";

    private RateLimits() {
    }
}
