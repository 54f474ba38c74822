package uz.aurelle.common.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declarative rate limit on a REST resource method or class: {@code @RateLimited(policy = "register",
 * key = RateLimited.Key.IP)}. Repeatable (e.g. per IP and per user). The policy is configured under
 * {@code aurelle.rate-limit.policies.<policy>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
@Repeatable(RateLimited.List.class)
public @interface RateLimited {

    String policy();

    Key key() default Key.IP;

    enum Key {
        /** Client IP (the real one when the gateway's forwarding headers are trusted). */
        IP,
        /** Authenticated user (JWT {@code sub}); anonymous callers are keyed by IP. */
        USER
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.METHOD, ElementType.TYPE })
    @interface List {
        RateLimited[] value();
    }
}
