package uz.aurelle.common.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class or method whose responses carry tokens or personal data:
 * they get {@code Cache-Control: no-store} and {@code Pragma: no-cache} (see {@link NoStoreFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface NoStore {
}
