package uz.aurelle.common.security;

import java.util.Locale;

/** The one rule for "this field holds a secret" shared by the audit log and the Sentry scrubber. */
public final class SecretKeys {

    public static final String REDACTED = "[redacted]";
    private static final String[] MARKERS = { "password", "passwd", "token", "secret", "key", "authorization",
            "cookie", "otp", "cvv", "pan" };

    private SecretKeys() {
    }

    /** True if a map key / header / parameter name suggests a secret (case-insensitive substring). */
    public static boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (marker.equals("pan") || marker.equals("otp") || marker.equals("cvv")) {
                if (lower.equals(marker)) {
                    return true;
                }
            } else if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
