package uz.aurelle.marketplace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uz.aurelle.marketplace.BookingStatusChange;

@ApplicationScoped
public class BookingHistoryRepository implements PanacheRepositoryBase<BookingStatusChange, Long> {

    public Uni<List<BookingStatusChange>> forBooking(UUID bookingId) {
        return list("bookingId = ?1 order by id", bookingId);
    }
}
