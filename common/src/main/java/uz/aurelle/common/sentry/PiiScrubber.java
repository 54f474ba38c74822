package uz.aurelle.common.sentry;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.aurelle.common.security.SecretKeys;

/**
 * The {@code beforeSend} / {@code beforeBreadcrumb} scrubber: nothing secret or personal leaves the
 * process. Removes secret-looking keys at any depth (extras, contexts, request data, tags,
 * breadcrumb data), Authorization/Cookie headers and cookies, secret query values, and masks card
 * numbers (13–19 digits passing Luhn), phone numbers, bearer tokens/JWTs and {@code password=...}
 * pairs in messages and exception values. The user keeps only its id.
 */
public final class PiiScrubber {

    private static final Set<String> DROPPED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-signature");
    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:\\+?998[ -]?\\(?\\d{2}\\)?[ -]?\\d{3}[ -]?\\d{2}[ -]?\\d{2}|\\+\\d{10,14})(?![\\d])");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[\\w.~+/=-]+");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)([\\w.-]*(?:password|passwd|token|secret|key|authorization|cookie)[\\w.-]*)(\"?\\s*[:=]\\s*\"?)([^\\s&\",;]+)");

    private PiiScrubber() {
    }

    public static SentryEvent beforeSend(SentryEvent event, Hint hint) {
        scrub(event);
        return event;
    }

    public static Breadcrumb beforeBreadcrumb(Breadcrumb breadcrumb, Hint hint) {
        scrub(breadcrumb);
        return breadcrumb;
    }

    static void scrub(SentryEvent event) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(text(message.getMessage()));
            message.setFormatted(text(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(PiiScrubber::text).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(text(exception.getValue()));
            }
        }
        if (event.getExtras() != null) {
            event.setExtras(map(event.getExtras()));
        }
        Contexts contexts = event.getContexts();
        for (String key : java.util.Collections.list(contexts.keys())) {
            Object value = contexts.get(key);
            if (SecretKeys.isSecret(key)) {
                contexts.put(key, Map.of("value", SecretKeys.REDACTED));
            } else if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof String) {
                contexts.put(key, value(value));
            }
        }
        Request request = event.getRequest();
        if (request != null) {
            scrub(request);
        }
        if (event.getTags() != null) {
            Map<String, String> tags = new LinkedHashMap<>();
            event.getTags().forEach((k, v) -> tags.put(k, SecretKeys.isSecret(k) ? SecretKeys.REDACTED : text(v)));
            event.setTags(tags);
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(PiiScrubber::scrub);
        }
        User user = event.getUser();
        if (user != null) {
            User idOnly = new User();
            idOnly.setId(user.getId());
            event.setUser(idOnly);
        }
    }

    static void scrub(Request request) {
        request.setCookies(null);
        request.setEnvs(null);
        if (request.getHeaders() != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach((k, v) -> {
                String lower = k.toLowerCase(Locale.ROOT);
                if (!DROPPED_HEADERS.contains(lower)) {
                    headers.put(k, SecretKeys.isSecret(k) ? SecretKeys.REDACTED : text(v));
                }
            });
            request.setHeaders(headers);
        }
        if (request.getUrl() != null) {
            int q = request.getUrl().indexOf('?');
            if (q >= 0) {
                if (request.getQueryString() == null) {
                    request.setQueryString(request.getUrl().substring(q + 1));
                }
                request.setUrl(request.getUrl().substring(0, q));
            }
        }
        request.setQueryString(query(request.getQueryString()));
        if (request.getData() != null) {
            request.setData(value(request.getData()));
        }
        if (request.getOthers() != null) {
            request.setOthers(null);
        }
    }

    static void scrub(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(text(breadcrumb.getMessage()));
        for (String key : new ArrayList<>(breadcrumb.getData().keySet())) {
            Object value = breadcrumb.getData(key);
            breadcrumb.setData(key, SecretKeys.isSecret(key) ? SecretKeys.REDACTED : value(value));
        }
    }

    /** {@code token=abc&page=1} → {@code token=[redacted]&page=1}. */
    public static String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0) {
                parts.add(text(pair));
            } else if (SecretKeys.isSecret(name)) {
                parts.add(name + "=" + SecretKeys.REDACTED);
            } else {
                parts.add(name + "=" + text(pair.substring(eq + 1)));
            }
        }
        return String.join("&", parts);
    }

    static Map<String, Object> map(Map<?, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            String key = String.valueOf(k);
            out.put(key, SecretKeys.isSecret(key) ? SecretKeys.REDACTED : value(v));
        });
        return out;
    }

    static Object value(Object value) {
        if (value instanceof Map<?, ?> m) {
            return map(m);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(PiiScrubber::value).toList();
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(PiiScrubber::value).toList();
        }
        if (value instanceof CharSequence s) {
            return text(s.toString());
        }
        return value;
    }

    /** Masks secrets, card numbers and phone numbers inside free text. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = JWT.matcher(text).replaceAll("[jwt]");
        out = BEARER.matcher(out).replaceAll("$1 " + SecretKeys.REDACTED);
        out = SECRET_PAIR.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(SecretKeys.REDACTED));
        out = replaceCards(out);
        return PHONE.matcher(out).replaceAll("[phone]");
    }

    private static String replaceCards(String text) {
        Matcher m = CARD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            m.appendReplacement(sb, digits.length() >= 13 && digits.length() <= 19 && luhn(digits) ? "[card]"
                    : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
