package uz.aurelle.auth.service;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.auth.ConsentRecord;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.User;

/** Request and response shapes of the auth and user APIs. */
public final class AuthModels {

    private AuthModels() {
    }

    /** Phone and/or email; consent to the current terms and privacy versions is mandatory. */
    public record RegisterRequest(
            @Size(max = 32) String phone,
            @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 5) String locale,
            Role role,
            @NotBlank @Size(max = 40) String termsVersion,
            @NotBlank @Size(max = 40) String privacyVersion) {
    }

    public record LoginRequest(
            @Size(max = 32) String phone,
            @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password) {
    }

    /** RFC 6749 names; Jackson accepts the camelCase spelling too. */
    public record RefreshRequest(
            @JsonProperty("refresh_token") @JsonAlias("refreshToken")
            @NotBlank @Size(max = 512) String refreshToken) {
    }

    public record ChangePasswordRequest(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {
    }

    /** RFC 6749 §5.1 token response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {
    }

    public record UpdateMeRequest(
            @Size(max = 32) String phone,
            @Size(max = 254) String email,
            @Size(min = 1, max = 100) String name,
            @Size(max = 5) String locale) {
    }

    public record RolesRequest(@NotNull @Size(min = 1, max = 4) Set<Role> roles) {
    }

    /** The account's roles after a change; access tokens carry them only after the next refresh or sign-in. */
    public record RolesView(Set<Role> roles) {
    }

    public record Consent(String document, String version, OffsetDateTime acceptedAt) {
        static Consent of(ConsentRecord record) {
            return new Consent(record.document.name(), record.version, record.acceptedAt);
        }
    }

    /** The owner's own view. */
    public record MeView(UUID id, String phone, String email, String name, String locale, Set<Role> roles,
            OffsetDateTime createdAt, List<Consent> consents) {
        static MeView of(User user, List<ConsentRecord> consents) {
            return new MeView(user.id, user.phone, user.email, user.name, user.locale, user.roleSet(),
                    user.createdAt, consents.stream().map(Consent::of).toList());
        }
    }

    /** What anybody else may see about a user. */
    public record PublicProfile(UUID id, String name) {
    }

    public record AdminUserView(UUID id, String phone, String email, String name, String locale, Set<Role> roles,
            boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt,
            OffsetDateTime anonymisedAt) {
        public static AdminUserView of(User user) {
            return new AdminUserView(user.id, user.phone, user.email, user.name, user.locale, user.roleSet(),
                    user.active, user.createdAt, user.updatedAt, user.deletedAt, user.anonymisedAt);
        }
    }
}
