package uz.aurelle.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uz.aurelle.auth.ConsentRecord;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.User;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.auth.repository.ConsentRecordRepository;
import uz.aurelle.auth.repository.ServiceClientRepository;
import uz.aurelle.auth.repository.UserRepository;
import uz.aurelle.auth.service.AuthModels.ChangePasswordRequest;
import uz.aurelle.auth.service.AuthModels.LoginRequest;
import uz.aurelle.auth.service.AuthModels.MeView;
import uz.aurelle.auth.service.AuthModels.RegisterRequest;
import uz.aurelle.auth.service.AuthModels.TokenResponse;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditEvent.ActorType;
import uz.aurelle.common.audit.AuditEvent.Severity;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.http.RequestContext;
import uz.aurelle.common.ratelimit.RateLimiter;

/**
 * Sign-up, sign-in, token refresh, logout and password change. Password hashing happens between short
 * database sessions, so no connection is held while Argon2 runs.
 */
@ApplicationScoped
public class AuthService {

    public static final Set<String> LOCALES = Set.of("ru", "uz", "en");

    private final UserRepository users;
    private final ConsentRecordRepository consents;
    private final ServiceClientRepository clients;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final SecurityEvents events;
    private final RateLimiter rateLimiter;
    private final AuthConfig config;

    public AuthService(UserRepository users, ConsentRecordRepository consents, ServiceClientRepository clients,
            PasswordHasher hasher, PasswordPolicy policy, AccessTokens accessTokens, RefreshTokens refreshTokens,
            SecurityEvents events, RateLimiter rateLimiter, AuthConfig config) {
        this.users = users;
        this.consents = consents;
        this.clients = clients;
        this.hasher = hasher;
        this.policy = policy;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    public Uni<MeView> register(RegisterRequest request, String ip) {
        String phone = Identifiers.normalisePhone(blankToNull(request.phone()));
        String email = Identifiers.normaliseEmail(blankToNull(request.email()));
        if (phone == null && email == null) {
            throw ApiException.badRequest("phone_or_email_required", "Give a phone number or an email address");
        }
        Role role = request.role() == null ? Role.CLIENT : request.role();
        if (!role.selfRegistrable()) {
            throw ApiException.badRequest("role_not_allowed",
                    "Self-registration is possible as CLIENT, MASTER or SALON_OWNER only", role.name());
        }
        String locale = locale(request.locale());
        requireCurrentConsent(request.termsVersion(), request.privacyVersion());
        policy.check(request.password());

        return Panache.withSession(() -> users.identityTaken(phone, email, null))
                .invoke(taken -> {
                    if (taken) {
                        throw userExists();
                    }
                })
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> Panache.withTransaction(() -> {
                    OffsetDateTime now = now();
                    User user = new User();
                    user.id = UUID.randomUUID();
                    user.phone = phone;
                    user.email = email;
                    user.passwordHash = hash;
                    user.name = request.name().strip();
                    user.locale = locale;
                    user.assignRoles(EnumSet.of(role));
                    user.active = true;
                    user.createdAt = now;
                    user.updatedAt = now;
                    List<ConsentRecord> accepted = List.of(
                            consent(user.id, ConsentRecord.Document.TERMS, request.termsVersion(), now, ip),
                            consent(user.id, ConsentRecord.Document.PRIVACY, request.privacyVersion(), now, ip));
                    return users.persist(user)
                            .call(() -> consents.persist(accepted))
                            .call(() -> users.flush())
                            .call(() -> events.record(AuditEvent.of("user.registered")
                                    .actor(ActorType.USER, user.id).target("user", user.id).detail("role", role.name())
                                    .detail("termsVersion", request.termsVersion())
                                    .detail("privacyVersion", request.privacyVersion())))
                            .map(saved -> MeView.of(saved, accepted));
                }))
                .onFailure(AuthService::isUniqueViolation).transform(e -> userExists());
    }

    /** Unknown account, wrong password, inactive or deleted account: one identical answer. */
    public Uni<TokenResponse> login(LoginRequest request) {
        String phone = Identifiers.normalisePhone(blankToNull(request.phone()));
        String email = phone == null ? Identifiers.normaliseEmail(blankToNull(request.email())) : null;
        if (phone == null && email == null) {
            throw ApiException.badRequest("phone_or_email_required", "Give a phone number or an email address");
        }
        String login = phone != null ? Identifiers.maskPhone(phone) : "email";
        // Per IP and per account whatever the IP (ASVS 2.2.1); unknown accounts are limited alike, so a 429
        // reveals nothing. Both checked here (not via @RateLimited) so a 429 carries the headers of the policy hit.
        return rateLimiter.check("auth-login-ip", String.valueOf(RequestContext.clientIp()))
                .chain(() -> rateLimiter.check("auth-login-account", phone != null ? phone : email))
                .chain(() -> Panache.withSession(
                        () -> phone != null ? users.findLiveByPhone(phone) : users.findLiveByEmail(email)))
                .chain(user -> user == null
                        ? hasher.verifyDummy(request.password()).replaceWith((User) null)
                        : hasher.verify(request.password(), user.passwordHash)
                                .map(ok -> ok && user.canLogIn() ? user : null))
                .chain(user -> {
                    if (user == null) {
                        return events.record(AuditEvent.of("authn.login_failed").severity(Severity.WARNING)
                                        .actor(ActorType.ANONYMOUS, null).target("login", login))
                                .chain(() -> Uni.createFrom().failure(invalidCredentials()));
                    }
                    return Panache.withTransaction(() -> refreshTokens.startFamily(user.id)
                                    .call(minted -> events.record(AuditEvent.of("authn.login_succeeded")
                                            .actor(ActorType.USER, user.id).target("user", user.id)
                                            .detail("family", minted.row().familyId.toString()))))
                            .map(minted -> tokenPair(user, minted.token()));
                });
    }

    public Uni<TokenResponse> refresh(String presented) {
        // Reuse and refusals are audited inside the rotation's own (committed) transaction.
        return refreshTokens.rotate(presented).map(outcome -> {
            if (outcome instanceof RefreshTokens.Rotated rotated) {
                return tokenPair(rotated.user(), rotated.successor().token());
            }
            throw invalidGrant();
        });
    }

    /** Revokes the presented token's family; unknown tokens are ignored (nothing to reveal). */
    public Uni<Void> logout(String presented) {
        return refreshTokens.revokeFamilyOf(presented).replaceWithVoid();
    }

    public Uni<Void> logoutAll(UUID userId) {
        return Panache.withTransaction(() -> refreshTokens.revokeAll(userId)
                .call(n -> events.record(AuditEvent.of("authn.logout_all").actor(ActorType.USER, userId)
                        .target("user", userId).detail("revokedTokens", n))))
                .replaceWithVoid();
    }

    public Uni<Void> changePassword(UUID userId, ChangePasswordRequest request) {
        return Panache.withSession(() -> users.findLive(userId))
                .chain(user -> user == null || !user.canLogIn()
                        ? Uni.createFrom().failure(accountUnavailable())
                        : hasher.verify(request.currentPassword(), user.passwordHash))
                .chain(ok -> {
                    if (!ok) {
                        return events.record(AuditEvent.of("authn.password_change_failed").severity(Severity.WARNING)
                                        .actor(ActorType.USER, userId).target("user", userId))
                                .chain(() -> Uni.createFrom().failure(ApiException.badRequest("current_password_wrong",
                                        "The current password is not correct")));
                    }
                    policy.check(request.newPassword());
                    return hasher.hash(request.newPassword());
                })
                .chain(hash -> Panache.withTransaction(() -> users.findLive(userId).chain(user -> {
                    user.passwordHash = hash;
                    user.updatedAt = now();
                    return refreshTokens.revokeAll(userId)
                            .call(n -> events.record(AuditEvent.of("authn.password_changed")
                                    .actor(ActorType.USER, userId).target("user", userId).detail("revokedTokens", n)));
                })))
                .replaceWithVoid();
    }

    /** OAuth 2.0 client credentials for service accounts; unknown client and wrong secret look alike. */
    public Uni<TokenResponse> clientCredentials(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isEmpty()) {
            throw invalidClient();
        }
        return rateLimiter.check("auth-client-credentials", clientId)
                .chain(() -> Panache.withSession(() -> clients.findById(clientId)))
                .chain(client -> client == null
                        ? hasher.verifyDummy(secret).map(x -> Set.<String>of())
                        : hasher.verify(secret, client.secretHash)
                                .map(ok -> ok && client.active ? Set.of(client.roles) : Set.<String>of()))
                .chain(roles -> {
                    if (roles.isEmpty()) {
                        return events.record(AuditEvent.of("authn.client_failed").severity(Severity.WARNING)
                                        .actor(ActorType.ANONYMOUS, null).target("client", clientId))
                                .chain(() -> Uni.createFrom().failure(invalidClient()));
                    }
                    AccessTokens.Issued token = accessTokens.forService(clientId, roles);
                    return events.record(AuditEvent.of("authn.client_token_issued")
                                    .actor(ActorType.SERVICE, clientId).target("client", clientId))
                            .replaceWith(new TokenResponse(token.token(), "Bearer", token.expiresInSeconds(), null));
                });
    }

    private TokenResponse tokenPair(User user, String refreshToken) {
        Set<String> roles = user.roleSet().stream().map(Role::name).collect(Collectors.toSet());
        AccessTokens.Issued access = accessTokens.forUser(user.id, roles);
        return new TokenResponse(access.token(), "Bearer", access.expiresInSeconds(), refreshToken);
    }

    private void requireCurrentConsent(String terms, String privacy) {
        String currentTerms = config.consent().termsVersion();
        String currentPrivacy = config.consent().privacyVersion();
        if (!currentTerms.equals(terms) || !currentPrivacy.equals(privacy)) {
            throw ApiException.unprocessable("consent_required",
                    "Accept the current terms (" + currentTerms + ") and privacy policy (" + currentPrivacy + ")",
                    currentTerms, currentPrivacy)
                    .with("termsVersion", currentTerms)
                    .with("privacyVersion", currentPrivacy);
        }
    }

    static String locale(String raw) {
        if (raw == null || raw.isBlank()) {
            return "ru";
        }
        String locale = raw.strip().toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            throw ApiException.badRequest("unsupported_locale", "The locale must be one of ru, uz, en");
        }
        return locale;
    }

    private static ConsentRecord consent(UUID userId, ConsentRecord.Document document, String version,
            OffsetDateTime at, String ip) {
        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.userId = userId;
        record.document = document;
        record.version = version;
        record.acceptedAt = at;
        record.ip = ip;
        return record;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            String message = e.getMessage();
            if (message != null && (message.contains("23505") || message.contains("duplicate key"))) {
                return true;
            }
        }
        return false;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static ApiException userExists() {
        return ApiException.conflict("user_exists", "An account with this phone number or email already exists");
    }

    static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The login or password is not correct");
    }

    static ApiException invalidGrant() {
        return ApiException.badRequest("invalid_grant", "The refresh token is invalid, expired or revoked")
                .with("error", "invalid_grant");
    }

    static ApiException invalidClient() {
        return ApiException.unauthorized("invalid_client", "Client authentication failed")
                .with("error", "invalid_client");
    }

    static ApiException accountUnavailable() {
        return ApiException.unauthorized("account_unavailable", "This account is no longer available");
    }
}
