package uz.aurelle.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.fixture.FixturePerson;
import uz.aurelle.common.fixture.FixturePersonRepository;

/** Soft delete on the real database: Hibernate's @SoftDelete(TIMESTAMP) plus SoftDeletes' native SQL. */
@QuarkusTest
class SoftDeleteRepositoryTest {

    @Inject
    FixturePersonRepository repository;

    private static String uniquePhone() {
        return "+99890" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static String uniqueName() {
        return "person-" + UUID.randomUUID();
    }

    @Test
    @RunOnVertxContext
    void deletedRowsVanishFromNormalQueriesAndReappearOnRestore(UniAsserter asserter) {
        String name = uniqueName();
        FixturePerson person = FixturePerson.of(name, uniquePhone(), name + "@example.uz");
        UUID id = person.id;
        asserter.execute(() -> Panache.withTransaction(() -> repository.persist(person)));
        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(id)), p -> assertThat(p).isNotNull());

        asserter.assertThat(() -> Panache.withTransaction(() -> repository.deleteById(id)), d -> assertThat(d).isTrue());

        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(id)), p -> assertThat(p).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> repository.findByPhone(person.phone)),
                p -> assertThat(p).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> repository.listByName(name)), l -> assertThat(l).isEmpty());
        asserter.assertThat(() -> Panache.withSession(() -> repository.count("name", name)), c -> assertThat(c).isZero());
        // The row is still there, only marked.
        asserter.assertThat(() -> Panache.withSession(() -> SoftDeletes.isDeleted(FixturePerson.class, id)),
                deleted -> assertThat(deleted).isTrue());
        asserter.assertThat(() -> Panache.withSession(() -> repository.listDeleted(0, 50)), page -> {
            assertThat(page.items()).extracting(p -> p.id).contains(id);
            assertThat(page.total()).isGreaterThanOrEqualTo(1);
            assertThat(page.items().stream().filter(p -> p.id.equals(id)).findFirst().orElseThrow().name)
                    .isEqualTo(name);
        });

        asserter.assertThat(() -> Panache.withTransaction(() -> repository.restore(id)), r -> assertThat(r).isTrue());

        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(id)),
                p -> assertThat(p.phone).isEqualTo(person.phone));
        asserter.assertThat(() -> Panache.withSession(() -> repository.listByName(name)), l -> assertThat(l).hasSize(1));
        asserter.assertThat(() -> Panache.withSession(() -> repository.listDeleted(0, 50)),
                page -> assertThat(page.items()).extracting(p -> p.id).doesNotContain(id));
        // Restoring a live or unknown row changes nothing.
        asserter.assertThat(() -> Panache.withTransaction(() -> repository.restore(id)), r -> assertThat(r).isFalse());
        asserter.assertThat(() -> Panache.withTransaction(() -> repository.restore(UUID.randomUUID())),
                r -> assertThat(r).isFalse());
    }

    @Test
    @RunOnVertxContext
    void instanceDeleteIsSoftToo(UniAsserter asserter) {
        FixturePerson person = FixturePerson.of(uniqueName(), uniquePhone(), null);
        asserter.execute(() -> Panache.withTransaction(() -> repository.persist(person)));
        asserter.execute(() -> Panache.withTransaction(() -> repository.findById(person.id)
                .flatMap(p -> repository.delete(p))));
        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(person.id)), p -> assertThat(p).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> SoftDeletes.isDeleted(FixturePerson.class, person.id)),
                deleted -> assertThat(deleted).isTrue());
    }

    @Test
    @RunOnVertxContext
    void aDeletedRowsPhoneAndEmailCanBeUsedAgainButNotWhileLive(UniAsserter asserter) {
        String phone = uniquePhone();
        String email = uniqueName() + "@example.uz";
        FixturePerson first = FixturePerson.of("first", phone, email);
        asserter.execute(() -> Panache.withTransaction(() -> repository.persist(first)));

        // While the first is live, the partial unique index refuses the same phone and the same email.
        asserter.assertFailedWith(() -> Panache.withTransaction(
                () -> repository.persist(FixturePerson.of("dup-phone", phone, null))),
                e -> assertThat(rootMessage(e)).contains("fixture_person_phone_live_uq"));
        asserter.assertFailedWith(() -> Panache.withTransaction(
                () -> repository.persist(FixturePerson.of("dup-email", uniquePhone(), email.toUpperCase()))),
                e -> assertThat(rootMessage(e)).contains("fixture_person_email_live_uq"));

        asserter.execute(() -> Panache.withTransaction(() -> repository.deleteById(first.id)));
        FixturePerson second = FixturePerson.of("second", phone, email);
        asserter.execute(() -> Panache.withTransaction(() -> repository.persist(second)));
        asserter.assertThat(() -> Panache.withSession(() -> repository.findByPhone(phone)),
                p -> assertThat(p.id).isEqualTo(second.id));

        // Restoring the first now would make two live rows with one phone: the database refuses.
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> repository.restore(first.id)),
                e -> assertThat(rootMessage(e)).contains("fixture_person_phone_live_uq"));
        asserter.assertThat(() -> Panache.withSession(() -> SoftDeletes.isDeleted(FixturePerson.class, first.id)),
                deleted -> assertThat(deleted).isTrue());
    }

    @Test
    @RunOnVertxContext
    void badPagingIsRefused(UniAsserter asserter) {
        asserter.assertFailedWith(() -> Panache.withSession(() -> repository.listDeleted(-1, 10)),
                IllegalArgumentException.class);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
