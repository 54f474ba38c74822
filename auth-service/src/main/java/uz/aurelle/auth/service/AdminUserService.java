package uz.aurelle.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.User;
import uz.aurelle.auth.repository.RefreshTokenRepository;
import uz.aurelle.auth.repository.UserRepository;
import uz.aurelle.auth.service.AuthModels.AdminUserView;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditEvent.ActorType;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;

/** User administration; every change is recorded as a security event with the acting admin. */
@ApplicationScoped
public class AdminUserService {

    private final UserRepository users;
    private final RefreshTokenRepository tokens;
    private final SecurityEvents events;

    public AdminUserService(UserRepository users, RefreshTokenRepository tokens, SecurityEvents events) {
        this.users = users;
        this.tokens = tokens;
        this.events = events;
    }

    /** Listing people's contact data is itself audited (filters only, never the search text). */
    @WithTransaction
    public Uni<PageResponse<AdminUserView>> search(UUID adminId, UserRepository.Filter filter, int page, int size) {
        return requireAdmin(adminId).chain(() -> users.search(filter, page, size))
                .call(result -> events.record(admin("admin.users_listed", adminId).target("user", null)
                        .detail("role", String.valueOf(filter.role())).detail("active", String.valueOf(filter.active()))
                        .detail("deleted", filter.deleted().name()).detail("page", page)
                        .detail("returned", result.items().size())))
                .map(result -> result.map(AdminUserView::of));
    }

    @WithTransaction
    public Uni<AdminUserView> get(UUID adminId, UUID id) {
        return requireAdmin(adminId).chain(() -> anyUser(id))
                .call(user -> events.record(admin("admin.user_viewed", adminId).target("user", id)))
                .map(AdminUserView::of);
    }

    /** Brings a soft-deleted account back, unless it was anonymised or its phone/email is taken again. */
    @WithTransaction
    public Uni<AdminUserView> restore(UUID adminId, UUID id) {
        return requireAdmin(adminId).chain(() -> anyUser(id))
                .call(user -> {
                    if (user.deletedAt == null) {
                        throw ApiException.conflict("user_not_deleted", "The user is not deleted");
                    }
                    if (user.anonymisedAt != null) {
                        throw ApiException.conflict("user_anonymised",
                                "The account was anonymised and cannot be restored");
                    }
                    return users.identityTaken(user.phone, user.email, user.id).invoke(taken -> {
                        if (taken) {
                            throw ApiException.conflict("user_identity_taken",
                                    "The phone number or email of this account now belongs to another account");
                        }
                    });
                })
                .chain(user -> {
                    user.deletedAt = null;
                    user.updatedAt = AuthService.now();
                    return users.flush().replaceWith(user);
                })
                .onFailure(AuthService::isUniqueViolation).transform(e -> ApiException.conflict("user_identity_taken",
                        "The phone number or email of this account now belongs to another account"))
                .call(user -> events.record(admin("admin.user_restored", adminId).target("user", id)))
                .map(AdminUserView::of);
    }

    /** Deactivation also ends every session of the user at once. */
    @WithTransaction
    public Uni<AdminUserView> setActive(UUID adminId, UUID id, boolean active) {
        return requireAdmin(adminId).chain(() -> liveUser(id))
                .call(user -> !active && user.active && user.roleSet().contains(Role.ADMIN)
                        ? guardLastAdmin()
                        : Uni.createFrom().voidItem())
                .call(user -> {
                    user.active = active;
                    user.updatedAt = AuthService.now();
                    return active ? Uni.createFrom().voidItem() : tokens.revokeAllOfUser(user.id, user.updatedAt);
                })
                .call(user -> events.record(admin(active ? "admin.user_activated" : "admin.user_deactivated", adminId)
                        .target("user", id)))
                .map(AdminUserView::of);
    }

    @WithTransaction
    public Uni<AdminUserView> setRoles(UUID adminId, UUID id, Set<Role> roles) {
        if (roles.contains(Role.SERVICE)) {
            throw ApiException.badRequest("role_not_allowed", "SERVICE is reserved for service accounts",
                    Role.SERVICE.name());
        }
        return requireAdmin(adminId).chain(() -> liveUser(id))
                .call(user -> user.active && user.roleSet().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)
                        ? guardLastAdmin()
                        : Uni.createFrom().voidItem())
                .call(user -> {
                    Set<Role> before = user.roleSet();
                    user.assignRoles(roles);
                    user.updatedAt = AuthService.now();
                    return events.record(admin("admin.user_roles_changed", adminId).target("user", id)
                            .detail("from", before.stream().map(Role::name).sorted().toList())
                            .detail("to", user.roleSet().stream().map(Role::name).sorted().toList()));
                })
                .map(AdminUserView::of);
    }

    /**
     * The token says ADMIN, but it lives up to 15 minutes: an admin deactivated, deleted or demoted
     * meanwhile is refused at once.
     */
    private Uni<Void> requireAdmin(UUID adminId) {
        return users.findLive(adminId).invoke(actor -> {
            if (actor == null || !actor.active || !actor.roleSet().contains(Role.ADMIN)) {
                throw ApiException.forbidden("admin_revoked", "Your administrator rights are no longer valid");
            }
        }).replaceWithVoid();
    }

    private static AuditEvent admin(String action, UUID adminId) {
        return AuditEvent.of(action).actor(ActorType.USER, adminId);
    }

    private Uni<Void> guardLastAdmin() {
        return users.countActiveAdminsLocked().invoke(admins -> {
            if (admins <= 1) {
                throw lastAdmin();
            }
        }).replaceWithVoid();
    }

    static ApiException lastAdmin() {
        return ApiException.conflict("last_admin", "The last active administrator cannot be removed");
    }

    private Uni<User> anyUser(UUID id) {
        return users.findById(id).map(user -> {
            if (user == null) {
                throw notFound();
            }
            return user;
        });
    }

    private Uni<User> liveUser(UUID id) {
        return anyUser(id).map(user -> {
            if (user.deletedAt != null) {
                throw notFound();
            }
            return user;
        });
    }

    private static ApiException notFound() {
        return ApiException.notFound("user_not_found", "No such user");
    }
}
