package uz.aurelle.auth.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uz.aurelle.common.error.ApiException;

/** The person behind the verified access token; service accounts (non-UUID subjects) are refused. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken jwt;

    public CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public UUID id() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.forbidden("not_a_user", "This endpoint is for user accounts only");
        }
    }
}
