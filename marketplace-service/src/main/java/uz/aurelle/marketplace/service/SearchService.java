package uz.aurelle.marketplace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;

/**
 * Salon search in PostgreSQL: trigram matching on a normalised (transliterated, apostrophe-free)
 * copy of salon and service names, an earth_box pre-filter plus exact earth_distance for "near",
 * filters applied before paging.
 */
@ApplicationScoped
public class SearchService {

    public enum Sort { RELEVANCE, DISTANCE, RATING, PRICE, POPULARITY }

    public record Query(String text, UUID categoryId, Double lat, Double lon, Double radiusKm, Double minRating,
                        Long minPrice, Long maxPrice, Boolean homeService, Sort sort, int page, int size) {
    }

    public record Card(UUID id, String nameRu, String nameUz, String nameEn, String address, double latitude,
                       double longitude, double ratingAvg, int ratingCount, Long minPrice, String currency,
                       Double distanceMeters, String photo) {
    }

    public record MapPin(UUID id, String nameUz, double latitude, double longitude, double ratingAvg) {
    }

    @WithSession
    public Uni<PageResponse<Card>> search(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        String distance = q.lat() != null
                ? "earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(s.latitude, s.longitude))" : "NULL";
        String order = switch (effectiveSort(q)) {
            case DISTANCE -> "distance ASC";
            case RATING -> "s.rating_avg DESC, s.rating_count DESC";
            case PRICE -> "min_price ASC NULLS LAST";
            case POPULARITY -> "s.rating_count DESC, s.rating_avg DESC";
            case RELEVANCE -> "word_similarity(aurelle_norm(:q), s.search_name) DESC, s.rating_avg DESC";
        };
        String sql = "SELECT s.id, s.name_ru, s.name_uz, s.name_en, s.address, s.latitude, s.longitude,"
                + " s.rating_avg, s.rating_count, (SELECT min(v.price_tiyin) FROM salon_service v WHERE"
                + " v.salon_id = s.id AND v.deleted_at IS NULL) AS min_price, " + distance + " AS distance,"
                + " s.photos[1], count(*) OVER () AS total FROM salon s WHERE " + where
                + " ORDER BY " + order + ", s.id LIMIT :limit OFFSET :offset";
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            List<Card> cards = new ArrayList<>();
            long total = 0;
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                cards.add(new Card((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
                        ((Number) r[8]).intValue(), r[9] == null ? null : ((Number) r[9]).longValue(), "UZS",
                        r[10] == null ? null : Math.round(((Number) r[10]).doubleValue() * 10) / 10.0,
                        (String) r[11]));
                total = ((Number) r[12]).longValue();
            }
            if (rows.isEmpty() && q.page() > 0) {
                total = -1;
            }
            return new PageResponse<>(cards, q.page(), q.size(), total < 0 ? 0 : total);
        });
    }

    /** Only what a map needs, for the same filters; capped so a zoomed-out map stays light. */
    @WithSession
    public Uni<List<MapPin>> map(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT s.id, s.name_uz, s.latitude, s.longitude, s.rating_avg FROM salon s WHERE "
                + where(q, params) + " ORDER BY s.rating_count DESC, s.id LIMIT 500";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new MapPin((UUID) r[0], (String) r[1], ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue());
        }).toList());
    }

    private static Sort effectiveSort(Query q) {
        if (q.sort() != null) {
            if (q.sort() == Sort.DISTANCE && q.lat() == null) {
                throw ApiException.badRequest("invalid_parameter", "Sorting by distance needs lat and lon.")
                        .with("parameter", "sort");
            }
            if (q.sort() == Sort.RELEVANCE && blank(q.text())) {
                return Sort.RATING;
            }
            return q.sort();
        }
        if (q.lat() != null) {
            return Sort.DISTANCE;
        }
        return blank(q.text()) ? Sort.RATING : Sort.RELEVANCE;
    }

    private static String where(Query q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("s.deleted_at IS NULL AND s.status = 'ACTIVE'");
        if (!blank(q.text())) {
            if (q.text().length() > 100) {
                throw ApiException.badRequest("invalid_parameter", "The search text is too long.")
                        .with("parameter", "q");
            }
            params.put("q", q.text());
            conditions.add("(s.search_name %> aurelle_norm(:q) OR EXISTS (SELECT 1 FROM salon_service v WHERE"
                    + " v.salon_id = s.id AND v.deleted_at IS NULL AND aurelle_norm(v.name_ru || ' ' || v.name_uz"
                    + " || ' ' || v.name_en) %> aurelle_norm(:q)))");
        }
        if ((q.lat() == null) != (q.lon() == null)) {
            throw ApiException.badRequest("invalid_parameter", "lat and lon go together.").with("parameter", "lat");
        }
        if (q.lat() != null) {
            if (q.lat() < -90 || q.lat() > 90 || q.lon() < -180 || q.lon() > 180) {
                throw ApiException.badRequest("invalid_parameter", "lat/lon out of range.").with("parameter", "lat");
            }
            params.put("lat", q.lat());
            params.put("lon", q.lon());
            if (q.radiusKm() != null) {
                if (q.radiusKm() <= 0 || q.radiusKm() > 100) {
                    throw ApiException.badRequest("invalid_parameter", "radiusKm must be in (0, 100].")
                            .with("parameter", "radiusKm");
                }
                params.put("radius", q.radiusKm() * 1000);
                conditions.add("earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(s.latitude, s.longitude)"
                        + " AND earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(s.latitude, s.longitude))"
                        + " <= :radius");
            }
        } else if (q.radiusKm() != null) {
            throw ApiException.badRequest("invalid_parameter", "radiusKm needs lat and lon.")
                    .with("parameter", "radiusKm");
        }
        if (q.minRating() != null) {
            params.put("minRating", q.minRating());
            conditions.add("s.rating_avg >= :minRating");
        }
        List<String> serviceConditions = new ArrayList<>();
        if (q.categoryId() != null) {
            params.put("category", q.categoryId());
            serviceConditions.add("v.category_id = :category");
        }
        if (q.minPrice() != null) {
            params.put("minPrice", q.minPrice());
            serviceConditions.add("v.price_tiyin >= :minPrice");
        }
        if (q.maxPrice() != null) {
            params.put("maxPrice", q.maxPrice());
            serviceConditions.add("v.price_tiyin <= :maxPrice");
        }
        if (Boolean.TRUE.equals(q.homeService())) {
            serviceConditions.add("v.home_service");
        }
        if (!serviceConditions.isEmpty()) {
            conditions.add("EXISTS (SELECT 1 FROM salon_service v WHERE v.salon_id = s.id AND v.deleted_at IS NULL"
                    + " AND " + String.join(" AND ", serviceConditions) + ")");
        }
        return String.join(" AND ", conditions);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
