package uz.aurelle.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.auth.Db;
import uz.aurelle.auth.Fixtures;
import uz.aurelle.auth.OnVertx;

/** The scheduled job itself (scheduler off in tests): accounts deleted beyond the retention get anonymised. */
@QuarkusTest
class AnonymisationJobTest {

    @Inject
    AnonymisationJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theScheduledRunAnonymisesOnlyAccountsPastRetention() {
        Db db = new Db(dataSource);
        String oldPhone = Fixtures.phone();
        UUID old = Fixtures.newUser(oldPhone);
        UUID recent = Fixtures.newUser(Fixtures.phone());
        db.update("update users set deleted_at = now() - interval '31 days' where id = ?", old);
        db.update("update users set deleted_at = now() - interval '1 day' where id = ?", recent);

        // One run handles one batch; other tests' due rows may share it, so run until this one is done.
        for (int i = 0; i < 20 && db.value("select anonymised_at from users where id = ?", old) == null; i++) {
            OnVertx.await(() -> job.run());
        }

        assertThat(db.value("select phone from users where id = ?", old)).isNull();
        assertThat(db.value("select anonymised_at is not null from users where id = ?", old)).isEqualTo(true);
        assertThat(db.value("select anonymised_at is null and phone is not null from users where id = ?", recent))
                .isEqualTo(true);
        assertThat(db.value("select count(*) from audit_log where action = 'user.anonymised' and target_id = ?",
                old.toString())).isEqualTo(1L);
        // The phone is free for a new account.
        Fixtures.newUser(oldPhone);
    }
}
