package uz.aurelle.common.ratelimit;

import uz.aurelle.common.error.ApiException;

/** 429 problem {@code rate_limited} with {@code Retry-After} and the RateLimit headers. */
public class RateLimitExceededException extends ApiException {

    private final transient RateLimitDecision decision;

    public RateLimitExceededException(RateLimitDecision decision) {
        super(429, "rate_limited", "Too many requests; retry in " + decision.retryAfterSeconds() + " seconds.",
                decision.retryAfterSeconds());
        this.decision = decision;
        with("retryAfter", decision.retryAfterSeconds());
        with("policy", decision.policy());
        decision.headers().forEach(this::header);
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
