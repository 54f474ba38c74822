package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.MasterOffer;

@ApplicationScoped
public class MasterOfferRepository implements PanacheRepositoryBase<MasterOffer, MasterOffer.Key> {

    /** Offers of live masters for a service, in a stable order (oldest master first). */
    public Uni<List<MasterOffer>> findForService(UUID serviceId) {
        return find("select o from MasterOffer o, Master m where m.id = o.masterId"
                + " and o.serviceId = ?1 order by m.createdAt, m.id", serviceId).list();
    }
}
