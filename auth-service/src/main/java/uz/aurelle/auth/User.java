package uz.aurelle.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's account. Soft-deleted via {@code deletedAt}; anonymised later by the retention job. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Normalised {@code +998XXXXXXXXX}, or null. */
    public String phone;

    /** Lower-cased, or null. */
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String name;

    public String locale;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]")
    public String[] roles;

    public boolean active;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Set<Role> roleSet() {
        return Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void assignRoles(Set<Role> newRoles) {
        roles = newRoles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    public boolean canLogIn() {
        return active && deletedAt == null;
    }
}
