package uz.aurelle.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.ServiceClient;
import uz.aurelle.auth.User;
import uz.aurelle.auth.config.AuthConfig;
import uz.aurelle.auth.repository.ServiceClientRepository;
import uz.aurelle.auth.repository.UserRepository;

/**
 * Start-up provisioning: service accounts from config (secrets re-hashed when they change), the initial
 * admin for local runs, and optional demo accounts. Existing people are never overwritten.
 */
@ApplicationScoped
public class Bootstrap {

    /** DEV-ONLY demo accounts (aurelle.auth.demo-data=true); documented in the README. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser(demoId("d"), "+998900000000", "admin@demo.aurelle.uz", "Demo Admin", Role.ADMIN,
                    "demo-admin-pass-2026"),
            new DemoUser(demoId("c"), "+998901000001", "client@demo.aurelle.uz", "Demo Client", Role.CLIENT,
                    "demo-client-pass-2026"),
            new DemoUser(demoId("a"), "+998901000002", "owner@demo.aurelle.uz", "Demo Salon Owner", Role.SALON_OWNER,
                    "demo-owner-pass-2026"),
            new DemoUser(demoId("b"), "+998901000003", "master@demo.aurelle.uz", "Demo Master", Role.MASTER,
                    "demo-master-pass-2026"));

    /**
     * The fixed ids marketplace-service's demo data uses for its first owner (a), master (b) and client (c),
     * so the demo accounts own demo salons, work in one and have bookings there.
     */
    private static UUID demoId(String kind) {
        return UUID.fromString("0a0e0000-0000-4000-" + kind + "000-000000000001");
    }

    record DemoUser(UUID id, String phone, String email, String name, Role role, String password) {
    }

    private final AuthConfig config;
    private final UserRepository users;
    private final ServiceClientRepository clients;
    private final PasswordHasher hasher;

    public Bootstrap(AuthConfig config, UserRepository users, ServiceClientRepository clients, PasswordHasher hasher) {
        this.config = config;
        this.users = users;
        this.clients = clients;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> serviceClients()
                .chain(this::bootstrapAdmin)
                .chain(this::demoUsers));
    }

    private Uni<Void> serviceClients() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, AuthConfig.ServiceClientConfig> entry : config.serviceClients().entrySet()) {
            String clientId = entry.getKey();
            AuthConfig.ServiceClientConfig client = entry.getValue();
            String[] roles = client.roles().stream().map(Role::valueOf).sorted().map(Role::name).toArray(String[]::new);
            if (roles.length != 1 || !Role.SERVICE.name().equals(roles[0])) {
                throw new IllegalStateException("service client " + clientId + " may only have the SERVICE role");
            }
            if (client.secret().isEmpty()) {
                Log.warnf("service client %s has no secret configured; not provisioned", clientId);
                continue;
            }
            String secret = client.secret().get();
            chain = chain.chain(() -> Panache.withSession(() -> clients.findById(clientId)))
                    .chain(existing -> existing != null
                            ? hasher.verify(secret, existing.secretHash).map(same -> same ? existing : null)
                                    .chain(same -> same != null ? Uni.createFrom().item((String) null)
                                            : hasher.hash(secret))
                            : hasher.hash(secret))
                    .chain(newHash -> newHash == null ? Uni.createFrom().voidItem()
                            : Panache.withTransaction(() -> clients.findById(clientId).chain(existing -> {
                                ServiceClient row = existing != null ? existing : new ServiceClient();
                                row.clientId = clientId;
                                row.secretHash = newHash;
                                row.roles = roles;
                                row.active = true;
                                row.updatedAt = AuthService.now();
                                if (existing == null) {
                                    row.createdAt = row.updatedAt;
                                    return clients.persist(row).replaceWithVoid();
                                }
                                return Uni.createFrom().voidItem();
                            })).invoke(() -> Log.infof("service client %s provisioned", clientId)));
        }
        return chain;
    }

    private Uni<Void> bootstrapAdmin() {
        AuthConfig.BootstrapAdmin admin = config.bootstrapAdmin();
        if (!admin.enabled()) {
            return Uni.createFrom().voidItem();
        }
        if (admin.password().isEmpty() || (admin.phone().isEmpty() && admin.email().isEmpty())) {
            throw new IllegalStateException("aurelle.auth.bootstrap-admin needs a phone or email and a password");
        }
        String phone = admin.phone().map(Identifiers::normalisePhone).orElse(null);
        String email = admin.email().map(Identifiers::normaliseEmail).orElse(null);
        return ensureUser(UUID.randomUUID(), phone, email, admin.name(), EnumSet.of(Role.ADMIN), admin.password().get());
    }

    private Uni<Void> demoUsers() {
        if (!config.demoData()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DemoUser demo : DEMO_USERS) {
            chain = chain.chain(() -> ensureUser(demo.id(), demo.phone(), demo.email(), demo.name(),
                    EnumSet.of(demo.role()), demo.password()));
        }
        return chain;
    }

    private Uni<Void> ensureUser(UUID id, String phone, String email, String name, Set<Role> roles, String password) {
        return Panache.withSession(() -> users.identityTaken(phone, email, null))
                .chain(taken -> taken ? Uni.createFrom().voidItem() : hasher.hash(password)
                        .chain(hash -> Panache.withTransaction(() -> {
                            User user = new User();
                            user.id = id;
                            user.phone = phone;
                            user.email = email;
                            user.passwordHash = hash;
                            user.name = name;
                            user.locale = "ru";
                            user.assignRoles(roles);
                            user.active = true;
                            user.createdAt = AuthService.now();
                            user.updatedAt = user.createdAt;
                            return users.persist(user);
                        }))
                        .invoke(user -> Log.infof("provisioned %s account %s", roles, user.id))
                        .replaceWithVoid());
    }
}
