package uz.aurelle.common.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digests, HMACs and constant-time comparison for provider signatures (Click MD5/SHA-1, Uzum
 * HMAC-SHA256, Payme Basic auth). Strings are hashed as UTF-8 bytes exactly as given: callers pass
 * fields as received (never reformatted). Comparisons never short-circuit on the first differing byte.
 */
public final class Signatures {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** Constant-time equality over bytes; null on either side is never equal. */
    public static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** Constant-time equality of the UTF-8 bytes of two strings (non-ASCII secrets work). */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(actual));
    }

    /**
     * Compares a computed lowercase hex digest with one received from outside, in constant time.
     * Hex is case-insensitive, so the received value is lower-cased first (ASCII only).
     */
    public static boolean hexEquals(String expectedHex, String receivedHex) {
        if (expectedHex == null || receivedHex == null) {
            return false;
        }
        return constantTimeEquals(expectedHex.toLowerCase(Locale.ROOT), receivedHex.trim().toLowerCase(Locale.ROOT));
    }

    public static String md5Hex(String data) {
        return HEX.formatHex(digest("MD5", utf8(data)));
    }

    /** SHA-1 hex, e.g. Click's Merchant API {@code Auth} header: {@code sha1(timestamp + secret_key)}. */
    public static String sha1Hex(String data) {
        return HEX.formatHex(digest("SHA-1", utf8(data)));
    }

    /**
     * A bearer secret (refresh token, invitation code): {@code bytes} random bytes, base64url without
     * padding. Store only its {@link #sha256Hex(String)}.
     */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String sha256Hex(String data) {
        return sha256Hex(utf8(data));
    }

    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(digest("SHA-256", data));
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hmacSha256Hex(byte[] key, byte[] data) {
        return HEX.formatHex(hmacSha256(key, data));
    }

    public static String hmacSha256Hex(String key, String data) {
        return hmacSha256Hex(utf8(key), utf8(data));
    }

    /** Verifies a hex HMAC-SHA256 of a raw body (e.g. Uzum's optional {@code X-Signature}). */
    public static boolean verifyHmacSha256Hex(String key, byte[] body, String receivedHex) {
        if (key == null || body == null || receivedHex == null) {
            return false;
        }
        return hexEquals(hmacSha256Hex(utf8(key), body), receivedHex);
    }

    public static String base64Utf8(String data) {
        return Base64.getEncoder().encodeToString(utf8(data));
    }

    /** Strict base64 then strict UTF-8; anything malformed is empty, never an exception. */
    public static Optional<String> decodeBase64Utf8(String base64) {
        if (base64 == null) {
            return Optional.empty();
        }
        String trimmed = base64.trim();
        if (trimmed.length() % 4 != 0) {
            // The JDK decoder tolerates missing padding; RFC 4648 base64 as sent by Basic auth always has it.
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(trimmed);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
