package uz.aurelle.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** HTTP hygiene settings ({@code aurelle.http.*}); the defaults follow SECURITY.md. */
@ConfigMapping(prefix = "aurelle.http")
public interface HttpConfig {

    /** Security headers on every response. */
    @WithDefault("true")
    boolean securityHeaders();

    @WithDefault("max-age=31536000; includeSubDomains")
    String strictTransportSecurity();

    @WithDefault("default-src 'none'; frame-ancestors 'none'")
    String contentSecurityPolicy();

    /** Longest accepted incoming X-Request-Id; longer or odd ones are replaced by a generated id. */
    @WithDefault("128")
    int maxRequestIdLength();
}
