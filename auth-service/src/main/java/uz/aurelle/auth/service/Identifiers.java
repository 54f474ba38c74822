package uz.aurelle.auth.service;

import java.util.Locale;
import java.util.regex.Pattern;
import uz.aurelle.common.error.ApiException;

/** Normalises the identifiers people sign in with, so one person maps to one stored value. */
public final class Identifiers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    // Pragmatic shape check; deliverability is the mail server's business.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Identifiers() {
    }

    /**
     * Uzbek mobile numbers to {@code +998XXXXXXXXX}. Accepts {@code +998 90 123-45-67},
     * {@code 998901234567}, {@code 00998901234567}, {@code (90) 123 45 67} and {@code 901234567}.
     */
    public static String normalisePhone(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String digits;
        if (compact.startsWith("+")) {
            digits = compact.substring(1);
            if (!digits.startsWith("998")) {
                throw invalidPhone();
            }
        } else if (compact.startsWith("00")) {
            digits = compact.substring(2);
        } else {
            digits = compact;
        }
        if (!DIGITS.matcher(digits).matches()) {
            throw invalidPhone();
        }
        if (digits.length() == 9) {
            digits = "998" + digits;
        }
        if (digits.length() != 12 || !digits.startsWith("998")) {
            throw invalidPhone();
        }
        return "+" + digits;
    }

    public static String normaliseEmail(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("invalid_email", "The email address is not valid");
        }
        return email;
    }

    /** Last two digits only: enough for support, useless to an attacker reading logs. */
    public static String maskPhone(String phone) {
        return phone == null ? null : "+998*******" + phone.substring(phone.length() - 2);
    }

    private static ApiException invalidPhone() {
        return ApiException.badRequest("invalid_phone",
                "The phone number must be an Uzbek number: +998 followed by 9 digits");
    }
}
