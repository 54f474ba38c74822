package uz.aurelle.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.User;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.auth.repository.ConsentRecordRepository;
import uz.aurelle.auth.repository.RefreshTokenRepository;
import uz.aurelle.auth.repository.UserRepository;
import uz.aurelle.auth.service.AuthModels.MeView;
import uz.aurelle.auth.service.AuthModels.PublicProfile;
import uz.aurelle.auth.service.AuthModels.RolesView;
import uz.aurelle.auth.service.AuthModels.UpdateMeRequest;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditEvent.ActorType;
import uz.aurelle.common.error.ApiException;

/** A person's own account: view, edit, delete (soft), and the anonymisation of deleted accounts. */
@ApplicationScoped
public class UserService {

    private static final String ANONYMISED_NAME = "Deleted user";
    /** Not a PHC string: no password can ever match it. */
    private static final String NO_PASSWORD = "!anonymised";

    private final UserRepository users;
    private final ConsentRecordRepository consents;
    private final RefreshTokenRepository tokens;
    private final SecurityEvents events;
    private final AuthConfig config;

    public UserService(UserRepository users, ConsentRecordRepository consents, RefreshTokenRepository tokens,
            SecurityEvents events, AuthConfig config) {
        this.users = users;
        this.consents = consents;
        this.tokens = tokens;
        this.events = events;
        this.config = config;
    }

    @WithSession
    public Uni<MeView> me(UUID userId) {
        return liveUser(userId).chain(user -> consents.ofUser(user.id).map(list -> MeView.of(user, list)));
    }

    @WithTransaction
    public Uni<MeView> updateMe(UUID userId, UpdateMeRequest patch) {
        String phone = Identifiers.normalisePhone(AuthService.blankToNull(patch.phone()));
        String email = Identifiers.normaliseEmail(AuthService.blankToNull(patch.email()));
        String locale = patch.locale() == null ? null : AuthService.locale(patch.locale());
        if (patch.name() != null && patch.name().isBlank()) {
            throw ApiException.badRequest("name_required", "The name must not be blank");
        }
        return liveUser(userId)
                .call(user -> users.identityTaken(phone, email, user.id).invoke(taken -> {
                    if (taken) {
                        throw AuthService.userExists();
                    }
                }))
                .chain(user -> {
                    if (phone != null) {
                        user.phone = phone;
                    }
                    if (email != null) {
                        user.email = email;
                    }
                    if (patch.name() != null) {
                        user.name = patch.name().strip();
                    }
                    if (locale != null) {
                        user.locale = locale;
                    }
                    user.updatedAt = AuthService.now();
                    return users.flush().replaceWith(user);
                })
                .call(user -> events.record(AuditEvent.of("user.updated").actor(ActorType.USER, userId)
                        .target("user", userId).detail("fields", changedFields(patch))))
                .onFailure(AuthService::isUniqueViolation).transform(e -> AuthService.userExists())
                .chain(user -> consents.ofUser(user.id).map(list -> MeView.of(user, list)));
    }

    /**
     * Soft-deletes the account: every session is revoked in the same transaction, the phone and email are
     * free to register again, and the personal data is anonymised after the retention period.
     */
    @WithTransaction
    public Uni<Void> deleteMe(UUID userId) {
        return liveUser(userId)
                .call(user -> user.roleSet().contains(Role.ADMIN) && user.active
                        ? users.countActiveAdminsLocked().invoke(admins -> {
                            if (admins <= 1) {
                                throw AdminUserService.lastAdmin();
                            }
                        })
                        : Uni.createFrom().voidItem())
                .chain(user -> {
                    OffsetDateTime now = AuthService.now();
                    user.deletedAt = now;
                    user.updatedAt = now;
                    return tokens.revokeAllOfUser(user.id, now);
                })
                .call(n -> events.record(AuditEvent.of("user.deleted").actor(ActorType.USER, userId)
                        .target("user", userId).detail("revokedTokens", n)))
                .replaceWithVoid();
    }

    /**
     * Adds a self-grantable role (see {@link Role#selfGrantable()}) to the caller's own account; adding one
     * the account already has changes and records nothing. The current access token keeps its old
     * {@code groups}: the new role appears in the tokens of the next refresh or sign-in.
     */
    @WithTransaction
    public Uni<RolesView> addOwnRole(UUID userId, Role role) {
        if (!role.selfGrantable()) {
            throw ApiException.forbidden("role_not_allowed", "The role {0} cannot be added to one's own account",
                    role.name());
        }
        return liveUser(userId).chain(user -> {
            Set<Role> roles = user.roleSet();
            if (!roles.add(role)) {
                return Uni.createFrom().item(new RolesView(roles));
            }
            user.assignRoles(roles);
            user.updatedAt = AuthService.now();
            return users.flush()
                    .call(() -> events.record(AuditEvent.of("user.role_self_granted").actor(ActorType.USER, userId)
                            .target("user", userId).detail("role", role.name())))
                    .replaceWith(new RolesView(roles));
        });
    }

    @WithSession
    public Uni<PublicProfile> publicProfile(UUID id) {
        return users.findLive(id).map(user -> {
            if (user == null) {
                throw ApiException.notFound("user_not_found", "No such user");
            }
            return new PublicProfile(user.id, user.name);
        });
    }

    /**
     * Anonymises accounts deleted longer than the retention period before {@code now}: personal data is
     * overwritten, the row (and its id, referenced by bookings and payments) stays.
     */
    @WithTransaction
    public Uni<Integer> anonymiseDeletedAccounts(OffsetDateTime now) {
        OffsetDateTime cutoff = now.minus(config.retention().deletedAccounts());
        return users.dueForAnonymisation(cutoff, config.retention().anonymiseBatchSize())
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (User user : due) {
                        chain = chain.chain(() -> consents.forgetIps(user.id)).invoke(() -> {
                            user.phone = null;
                            user.email = null;
                            user.name = ANONYMISED_NAME;
                            user.passwordHash = NO_PASSWORD;
                            user.active = false;
                            user.anonymisedAt = now;
                            user.updatedAt = now;
                        }).chain(() -> events.record(AuditEvent.of("user.anonymised").actor(ActorType.SYSTEM, null)
                                .target("user", user.id)));
                    }
                    return chain.replaceWith(due.size());
                });
    }

    /** Which fields changed, never their values (phone and email are personal data). */
    private static List<String> changedFields(UpdateMeRequest patch) {
        List<String> fields = new ArrayList<>();
        if (patch.phone() != null) {
            fields.add("phone");
        }
        if (patch.email() != null) {
            fields.add("email");
        }
        if (patch.name() != null) {
            fields.add("name");
        }
        if (patch.locale() != null) {
            fields.add("locale");
        }
        return fields;
    }

    private Uni<User> liveUser(UUID userId) {
        return users.findLive(userId).map(user -> {
            if (user == null || !user.active) {
                throw AuthService.accountUnavailable();
            }
            return user;
        });
    }
}
