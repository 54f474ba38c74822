package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.persistence.SoftDeletes;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.marketplace.BookingStatus;
import uz.aurelle.marketplace.Review;
import uz.aurelle.marketplace.repository.BookingRepository;
import uz.aurelle.marketplace.repository.ReviewRepository;

/**
 * Verified reviews: only the client of a completed booking, once, editable for a day. Every change
 * that affects what the public sees (create, edit, hide, restore, delete) recounts the salon's and
 * master's rating in the same transaction.
 */
@ApplicationScoped
public class ReviewService {

    static final Duration EDIT_WINDOW = Duration.ofHours(24);

    private final ReviewRepository reviews;
    private final BookingRepository bookings;
    private final SalonManagementService salons;
    private final AuditLog audit;

    public ReviewService(ReviewRepository reviews, BookingRepository bookings, SalonManagementService salons,
                         AuditLog audit) {
        this.reviews = reviews;
        this.bookings = bookings;
        this.salons = salons;
        this.audit = audit;
    }

    public record ReviewData(UUID bookingId, Integer rating, String text) {
    }

    @WithTransaction
    public Uni<Review> create(Actor client, ReviewData data) {
        if (data == null || data.bookingId() == null) {
            throw SalonManagementService.invalid("bookingId", "bookingId is required.");
        }
        int rating = rating(data.rating());
        String text = text(data.text());
        return bookings.findLive(data.bookingId()).chain(booking -> {
            if (booking == null || !booking.clientId.equals(client.userId())) {
                throw BookingService.notFound();
            }
            if (booking.status != BookingStatus.COMPLETED) {
                throw ApiException.conflict("booking_not_completed", "Only a completed visit can be reviewed.")
                        .with("bookingStatus", booking.status.name());
            }
            return reviews.find("bookingId", booking.id).firstResult().chain(existing -> {
                if (existing != null) {
                    throw ApiException.conflict("review_exists", "This visit has already been reviewed.")
                            .with("reviewId", existing.id.toString());
                }
                return reviews.deletedByAdmin(booking.id);
            }).chain(removedByAdmin -> {
                if (removedByAdmin) {
                    throw ApiException.conflict("review_removed_by_moderation",
                            "A review of this visit was removed by moderation.");
                }
                return reviews.firstDeletedCreatedAt(booking.id);
            }).chain(firstCreatedAt -> {
                // Deleting and posting again is an edit of the first review: same window, same creation time.
                Instant now = Instant.now();
                if (firstCreatedAt != null && now.isAfter(firstCreatedAt.plus(EDIT_WINDOW))) {
                    throw ApiException.conflict("review_edit_window_closed", "A review can be edited for 24 hours.");
                }
                Review review = new Review();
                review.id = UUID.randomUUID();
                review.bookingId = booking.id;
                review.salonId = booking.salonId;
                review.masterId = booking.masterId;
                review.clientId = booking.clientId;
                review.rating = rating;
                review.body = text;
                review.createdAt = firstCreatedAt == null ? now : firstCreatedAt;
                review.updatedAt = now;
                return reviews.persist(review).call(reviews::flush)
                        .call(r -> reviews.refreshAggregates(r.salonId, r.masterId));
            });
        });
    }

    @WithTransaction
    public Uni<Review> edit(Actor client, UUID reviewId, ReviewData data) {
        Instant now = Instant.now();
        return find(reviewId).chain(review -> {
            if (!review.clientId.equals(client.userId())) {
                throw notFound();
            }
            if (now.isAfter(review.createdAt.plus(EDIT_WINDOW))) {
                throw ApiException.conflict("review_edit_window_closed", "A review can be edited for 24 hours.");
            }
            if (data != null && data.rating() != null) {
                review.rating = rating(data.rating());
            }
            if (data != null && data.text() != null) {
                review.body = text(data.text());
            }
            review.updatedAt = now;
            return reviews.flush().chain(() -> reviews.refreshAggregates(review.salonId, review.masterId))
                    .replaceWith(review);
        });
    }

    @WithTransaction
    public Uni<Review> reply(Actor owner, UUID reviewId, String text) {
        return find(reviewId).chain(review -> salons.owned(owner, review.salonId)
                .onFailure(ApiException.class).transform(e -> notFound())
                .map(salon -> {
                    if (text == null || text.isBlank() || text.length() > 2000) {
                        throw SalonManagementService.invalid("text", "A reply of 1-2000 characters is required.");
                    }
                    review.ownerReply = text.trim();
                    review.ownerRepliedAt = Instant.now();
                    return review;
                }));
    }

    /** The author (or an admin) deletes; the row stays for an admin restore. */
    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID reviewId) {
        return find(reviewId).chain(review -> {
            if (!(actor.admin() || review.clientId.equals(actor.userId()))) {
                throw notFound();
            }
            return reviews.delete(review).call(reviews::flush)
                    .chain(() -> reviews.markDeletedBy(review.id, actor.admin() ? "ADMIN" : "AUTHOR"))
                    .chain(() -> reviews.refreshAggregates(review.salonId, review.masterId))
                    .chain(() -> actor.admin() ? audit.record(moderation("review.deleted", actor, review))
                            .replaceWithVoid() : Uni.createFrom().voidItem());
        });
    }

    /** Hidden reviews are visible only to their author and admins. */
    @WithSession
    public Uni<Review> view(UUID reviewId, Actor actorOrNull) {
        return find(reviewId).map(review -> {
            if (review.hidden && !(actorOrNull != null && (actorOrNull.admin()
                    || review.clientId.toString().equals(actorOrNull.subject())))) {
                throw notFound();
            }
            return review;
        });
    }

    @WithTransaction
    public Uni<Review> hide(Actor admin, UUID reviewId) {
        return find(reviewId).chain(review -> {
            review.hidden = true;
            review.updatedAt = Instant.now();
            return reviews.flush().chain(() -> reviews.refreshAggregates(review.salonId, review.masterId))
                    .chain(() -> audit.record(moderation("review.hidden", admin, review)))
                    .replaceWith(review);
        });
    }

    /**
     * Brings a review back to the public: undeletes it if it was deleted (409 if its booking got a
     * new review meanwhile) and lifts a hide.
     */
    @WithTransaction
    public Uni<Review> restore(Actor admin, UUID reviewId) {
        return SoftDeletes.restore(Review.class, reviewId)
                .onFailure(SqlStates::isUniqueViolation)
                .transform(e -> ApiException.conflict("review_exists",
                        "The visit has been reviewed again since; delete that review first."))
                .call(undeleted -> undeleted ? reviews.clearDeletedBy(reviewId) : Uni.createFrom().voidItem())
                .chain(undeleted -> find(reviewId).chain(review -> {
                    boolean wasHidden = review.hidden;
                    review.hidden = false;
                    review.updatedAt = Instant.now();
                    return reviews.flush().chain(() -> reviews.refreshAggregates(review.salonId, review.masterId))
                            .chain(() -> undeleted || wasHidden
                                    ? audit.record(moderation("review.restored", admin, review)
                                            .detail("undeleted", undeleted).detail("unhidden", wasHidden))
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem())
                            .replaceWith(review);
                }));
    }

    /** Who moderated which review of which salon; never the review's text or its author. */
    private static AuditEvent moderation(String action, Actor admin, Review review) {
        return AuditEvent.of(action).actor(AuditEvent.ActorType.USER, admin.subject()).target("review", review.id)
                .detail("salonId", review.salonId.toString());
    }

    @WithSession
    public Uni<PageResponse<Review>> forSalon(UUID salonId, int page, int size) {
        return salons.view(salonId, null).chain(salon -> {
            var query = reviews.find("salonId = ?1 and hidden = false order by createdAt desc, id", salonId);
            return query.page(page, size).list()
                    .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
        });
    }

    /** Moderation list, optionally only hidden (or visible) ones and one salon's. */
    @WithSession
    public Uni<PageResponse<Review>> moderationList(Boolean hidden, UUID salonId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (hidden != null) {
            where.append(" and hidden = :hidden");
            params.put("hidden", hidden);
        }
        if (salonId != null) {
            where.append(" and salonId = :salon");
            params.put("salon", salonId);
        }
        var query = reviews.find(where + " order by createdAt desc, id", params);
        return query.page(page, size).list()
                .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
    }

    @WithSession
    public Uni<PageResponse<Review>> deleted(int page, int size) {
        return SoftDeletes.listDeleted(Review.class, page, size);
    }

    private Uni<Review> find(UUID id) {
        return reviews.findById(id).map(review -> {
            if (review == null) {
                throw notFound();
            }
            return review;
        });
    }

    private static int rating(Integer rating) {
        if (rating == null || rating < 1 || rating > 5) {
            throw SalonManagementService.invalid("rating", "rating must be 1 to 5.");
        }
        return rating;
    }

    private static String text(String text) {
        if (text != null && text.length() > 2000) {
            throw SalonManagementService.invalid("text", "text is at most 2000 characters.");
        }
        return text == null ? null : text.trim();
    }

    static ApiException notFound() {
        return ApiException.notFound("review_not_found", "No such review.");
    }
}
