package uz.aurelle.marketplace.service;

import java.util.Set;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;

/** The caller as the access token describes it: subject and roles. */
public record Actor(String subject, Set<String> roles) {

    public static final String CLIENT = "CLIENT";
    public static final String MASTER = "MASTER";
    public static final String OWNER = "SALON_OWNER";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    public static final Actor SYSTEM = new Actor("system", Set.of("SYSTEM"));

    /** User ids are UUIDs; a token with another subject cannot act as a user. */
    public UUID userId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.forbidden("user_token_required", "This operation needs a user's access token.");
        }
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean admin() {
        return has(ADMIN);
    }
}
