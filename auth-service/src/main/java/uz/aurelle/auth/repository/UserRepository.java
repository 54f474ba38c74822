package uz.aurelle.auth.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.User;
import uz.aurelle.common.rest.PageResponse;

/** Users; "live" means not soft-deleted. Admin queries opt in to deleted rows explicitly. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public enum Deleted { EXCLUDE, INCLUDE, ONLY }

    public record Filter(String q, Role role, Boolean active, Deleted deleted) {
    }

    public Uni<User> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    public Uni<User> findLiveByPhone(String phone) {
        return find("phone = ?1 and deletedAt is null", phone).firstResult();
    }

    public Uni<User> findLiveByEmail(String email) {
        return find("email = ?1 and deletedAt is null", email).firstResult();
    }

    /** Whether another live account already uses this phone or email. */
    public Uni<Boolean> identityTaken(String phone, String email, UUID except) {
        List<String> same = new ArrayList<>();
        Parameters params = Parameters.with("self", except == null ? new UUID(0, 0) : except);
        if (phone != null) {
            same.add("phone = :phone");
            params.and("phone", phone);
        }
        if (email != null) {
            same.add("email = :email");
            params.and("email", email);
        }
        if (same.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return count("deletedAt is null and id <> :self and (" + String.join(" or ", same) + ")", params)
                .map(n -> n > 0);
    }

    public Uni<PageResponse<User>> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        switch (filter.deleted()) {
            case EXCLUDE -> where.add("deletedAt is null");
            case ONLY -> where.add("deletedAt is not null");
            case INCLUDE -> {
            }
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(name) like :q or phone like :q or email like :q)");
            params.and("q", "%" + escapeLike(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.role() != null) {
            where.add("array_contains(roles, :role)");
            params.and("role", filter.role().name());
        }
        if (filter.active() != null) {
            where.add("active = :active");
            params.and("active", filter.active());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = find(query, Sort.by("createdAt").and("id"), params);
        return Uni.combine().all()
                .unis(found.page(Page.of(page, size)).list(), found.count())
                .with((items, total) -> new PageResponse<>(items, page, size, total));
    }

    /**
     * Counts live, active admins while holding a transaction-scoped advisory lock, so two concurrent
     * demotions cannot both see "another admin is left".
     */
    public Uni<Long> countActiveAdminsLocked() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('aurelle-auth-admins'))::text")
                .getSingleResult()
                .chain(() -> count("deletedAt is null and active = true and array_contains(roles, ?1)",
                        Role.ADMIN.name())));
    }

    public Uni<List<User>> dueForAnonymisation(OffsetDateTime deletedBefore, int limit) {
        return find("deletedAt is not null and deletedAt < ?1 and anonymisedAt is null",
                Sort.by("deletedAt"), deletedBefore).page(Page.ofSize(limit)).list();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
