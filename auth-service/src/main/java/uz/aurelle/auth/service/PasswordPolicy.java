package uz.aurelle.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.common.error.ApiException;

/**
 * NIST 800-63B / OWASP ASVS V6 policy: length only (8..max, counted in code points), no composition
 * rules, and the most common passwords refused. The password itself is never altered.
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final String LIST = "security/common-passwords.txt";

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    public PasswordPolicy(AuthConfig config) {
        this.minLength = config.password().minLength();
        this.maxLength = config.password().maxLength();
        this.common = load();
    }

    public void check(String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password_required", "A password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw ApiException.badRequest("password_too_short",
                    "The password must have at least " + minLength + " characters", minLength)
                    .with("minLength", minLength);
        }
        if (length > maxLength) {
            throw ApiException.badRequest("password_too_long",
                    "The password must have at most " + maxLength + " characters", maxLength)
                    .with("maxLength", maxLength);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("password_too_common",
                    "This password is among the most commonly used ones; choose another");
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
