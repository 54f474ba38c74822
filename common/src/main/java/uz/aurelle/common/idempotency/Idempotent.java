package uz.aurelle.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Honour the {@code Idempotency-Key} header on this POST/PUT/PATCH resource method: the first
 * response (status, body, Location and friends) is stored for the caller and replayed for the same
 * key and body; a different body gets 422, a retry while the first still runs gets 409.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /** When true, a request without the header is refused with 400 {@code idempotency_key_missing}. */
    boolean required() default true;
}
