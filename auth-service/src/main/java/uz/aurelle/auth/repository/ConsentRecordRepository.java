package uz.aurelle.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.auth.ConsentRecord;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    public Uni<List<ConsentRecord>> ofUser(UUID userId) {
        return list("userId = ?1 order by acceptedAt, document", userId);
    }

    /** Anonymisation keeps the proof of consent but not where it came from. */
    public Uni<Integer> forgetIps(UUID userId) {
        return update("ip = null where userId = ?1", userId);
    }
}
