package uz.aurelle.common.security;

import java.util.Locale;
import java.util.Optional;

/**
 * HTTP Basic credentials (RFC 7617). {@link #parse} never throws: a missing header, another scheme,
 * malformed base64 or UTF-8, or no colon all give an empty Optional. The password may itself
 * contain colons (split at the first one only).
 */
public record BasicCredentials(String username, String password) {

    private static final String SCHEME = "basic ";

    public static Optional<BasicCredentials> parse(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String header = authorizationHeader.trim();
        if (header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        return Signatures.decodeBase64Utf8(header.substring(SCHEME.length()).trim()).flatMap(decoded -> {
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        });
    }

    /** Both parts compared in constant time (both always compared, so timing reveals neither). */
    public boolean matches(String expectedUsername, String expectedPassword) {
        boolean user = Signatures.constantTimeEquals(expectedUsername, username);
        boolean pass = Signatures.constantTimeEquals(expectedPassword, password);
        return user & pass;
    }

    /** Never prints the password (logs, exceptions, Sentry). */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
