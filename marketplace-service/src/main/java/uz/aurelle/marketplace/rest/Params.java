package uz.aurelle.marketplace.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import uz.aurelle.common.error.ApiException;

/**
 * Parses query parameters ourselves (resources take them as text): JAX-RS answers a failed query-param
 * conversion with 404, while a client deserves a 400 naming the parameter.
 */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' is required (YYYY-MM-DD).",
                    name).with("parameter", name);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be a date (YYYY-MM-DD).",
                    name).with("parameter", name);
        }
    }

    /**
     * Required-field check answered in common's validation shape. Done here rather than with
     * {@code @NotNull} because common's validation mapper currently fails in test mode (reported).
     */
    static <T> T require(String field, T value) {
        if (value == null) {
            throw ApiException.badRequest("validation_failed", "''{0}'' is required.", field)
                    .with("errors", java.util.List.of(java.util.Map.of("field", field, "code", "not_null",
                            "message", "must not be null")));
        }
        return value;
    }

    static OffsetDateTime timestamp(String name, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.badRequest("invalid_parameter",
                    "Query parameter ''{0}'' must be an ISO-8601 timestamp with offset.", name)
                    .with("parameter", name);
        }
    }

    static int page(String value) {
        return integer("page", value, 0, 100_000);
    }

    static int size(String value) {
        return integer("size", value, 1, 100);
    }

    static int integer(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be a whole number.",
                    name).with("parameter", name);
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be {1}..{2}.", name,
                    String.valueOf(min), String.valueOf(max)).with("parameter", name);
        }
        return parsed;
    }
}
