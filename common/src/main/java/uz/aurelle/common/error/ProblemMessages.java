package uz.aurelle.common.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Localised problem texts. A service's own {@code i18n/service-problems*.properties} win over
 * common's {@code i18n/problems*.properties}; keys are {@code <code>.title} and {@code <code>.detail}.
 * The JVM default locale never leaks in: a missing language falls back to the English base bundle.
 */
public final class ProblemMessages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("uz"));

    private static final String SERVICE_BUNDLE = "i18n.service-problems";
    private static final String COMMON_BUNDLE = "i18n.problems";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    /** Picks ru, uz or en from an {@code Accept-Language} header; anything else or garbage gives en. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? ENGLISH : match;
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    /** {@code <code>.<part>} from the service bundle, else the common bundle; formatted when args are given. */
    public static Optional<String> text(String code, String part, Locale locale, Object... args) {
        String key = code + "." + part;
        Optional<String> pattern = lookup(SERVICE_BUNDLE, key, locale).or(() -> lookup(COMMON_BUNDLE, key, locale));
        return pattern.map(p -> args == null || args.length == 0 ? p : new MessageFormat(p, locale).format(args));
    }

    private static Optional<String> lookup(String bundle, String key, Locale locale) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ProblemMessages.class.getClassLoader();
        }
        try {
            ResourceBundle rb = ResourceBundle.getBundle(bundle, locale, loader, NO_FALLBACK);
            return rb.containsKey(key) ? Optional.of(rb.getString(key)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
