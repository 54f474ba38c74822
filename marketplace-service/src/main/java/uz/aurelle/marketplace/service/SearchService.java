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
import uz.aurelle.marketplace.repository.SalonOpeningHoursRepository;

/**
 * Salon search in PostgreSQL (V3, V21), no external engine.
 * <p>
 * Text: the candidates are the union of three index-driven sets — salon names by trigram (typos),
 * service names by trigram, and the weighted full-text document ({@code search_doc}: names A, services
 * and their categories B, description C; Russian and English stemming plus transliterated
 * {@code simple} lexemes) — joined back to the salon. An {@code OR} of these over {@code salon}
 * made PostgreSQL scan every salon. Relevance ({@code aurelle_relevance}) ranks name matches over
 * name-and-service matches over description-only matches, then by {@code ts_rank_cd} or the name's
 * trigram similarity inside each tier.
 * <p>
 * Near: an {@code earth_box} GiST pre-filter plus the exact {@code earth_distance}. Every filter
 * applies before paging; "open now" is evaluated on each salon's own wall clock.
 * <p>
 * Totals are exact. When an index gives the order (rating, popularity, no text) the page stops early
 * and a separate count runs only if the page is full; otherwise every match has to be ranked anyway,
 * so the narrow ranked rows are materialised once and counted from there.
 */
@ApplicationScoped
public class SearchService {

    public enum Sort { RELEVANCE, DISTANCE, RATING, PRICE, POPULARITY }

    public record Query(String text, UUID categoryId, Double lat, Double lon, Double radiusKm, Double minRating,
                        Long minPrice, Long maxPrice, Boolean homeService, boolean openNow, Sort sort, int page,
                        int size) {
    }

    public record Card(UUID id, String nameRu, String nameUz, String nameEn, String address, double latitude,
                       double longitude, double ratingAvg, int ratingCount, Long minPrice, String currency,
                       Double distanceMeters, String photo) {
    }

    public record MapPin(UUID id, String nameUz, double latitude, double longitude, double ratingAvg) {
    }

    private static final String CARD = "s.id, s.name_ru, s.name_uz, s.name_en, s.address, s.latitude, s.longitude,"
            + " s.rating_avg, s.rating_count";
    private static final String MIN_PRICE = "(SELECT min(v.price_tiyin) FROM salon_service v WHERE v.salon_id = s.id"
            + " AND v.deleted_at IS NULL)";
    private static final String DISTANCE = "earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(s.latitude,"
            + " s.longitude))";
    /** The query text once: normalised for trigrams, and as a tsquery over the three configurations. */
    private static final String TEXT_PARAMS = "p AS MATERIALIZED (SELECT aurelle_norm(:q) AS nq,"
            + " aurelle_tsquery(:q) AS tq)";
    private static final String TEXT_CANDIDATES = "(SELECT u.id, max(u.name_sim) AS name_sim,"
            + " bool_or(u.service_hit) AS service_hit FROM ("
            + "SELECT x.id, word_similarity(p.nq, x.search_name) AS name_sim, false AS service_hit FROM salon x, p"
            + " WHERE x.deleted_at IS NULL AND x.search_name %> p.nq"
            + " UNION ALL SELECT x.id, 0, false FROM salon x, p WHERE x.deleted_at IS NULL AND x.search_doc @@ p.tq"
            + " UNION ALL SELECT v.salon_id, 0, true FROM salon_service v, p"
            + " WHERE v.deleted_at IS NULL AND v.search_name %> p.nq"
            + ") u GROUP BY u.id) t JOIN salon s ON s.id = t.id CROSS JOIN p";
    private static final String RELEVANCE = "aurelle_relevance(s.search_doc, p.tq, t.name_sim, t.service_hit)";

    /** The matching salons (alias {@code s}) and the parameters their SQL binds. */
    private record Matches(boolean text, String from, String where, Map<String, Object> params) {

        String with(String... more) {
            List<String> ctes = new ArrayList<>();
            if (text) {
                ctes.add(TEXT_PARAMS);
            }
            ctes.addAll(List.of(more));
            return ctes.isEmpty() ? "" : "WITH " + String.join(", ", ctes) + " ";
        }
    }

    @WithSession
    public Uni<PageResponse<Card>> search(Query q) {
        Matches m = matches(q);
        Sort sort = effectiveSort(q);
        Map<String, Object> params = new LinkedHashMap<>(m.params());
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        return !m.text() && (sort == Sort.RATING || sort == Sort.POPULARITY)
                ? pageInIndexOrder(q, m, sort, params) : pageOfRanked(q, m, sort, params);
    }

    /** The order comes from an index, so the page stops early; the count runs only when it must. */
    private Uni<PageResponse<Card>> pageInIndexOrder(Query q, Matches m, Sort sort, Map<String, Object> params) {
        String sql = "SELECT " + CARD + ", " + MIN_PRICE + ", " + distance(q) + ", s.photos[1] FROM " + m.from()
                + " WHERE " + m.where() + " ORDER BY " + order(sort, "s.") + " LIMIT :limit OFFSET :offset";
        return rows(sql, params).chain(rows -> {
            List<Card> cards = rows.stream().map(r -> card(r, 0)).toList();
            long offset = (long) q.page() * q.size();
            if (cards.size() < q.size() && (!cards.isEmpty() || offset == 0)) {
                return Uni.createFrom().item(new PageResponse<>(cards, q.page(), q.size(), offset + cards.size()));
            }
            return rows("SELECT count(*) FROM " + m.from() + " WHERE " + m.where(), m.params())
                    .map(count -> new PageResponse<>(cards, q.page(), q.size(),
                            ((Number) count.get(0)[0]).longValue()));
        });
    }

    /**
     * Every match needs its sort key (relevance, distance, price): the narrow ranked rows are
     * materialised once, counted, and only the page is joined back to the salon's card columns.
     */
    private Uni<PageResponse<Card>> pageOfRanked(Query q, Matches m, Sort sort, Map<String, Object> params) {
        String ranked = "m AS MATERIALIZED (SELECT s.id, s.rating_avg, s.rating_count, "
                + (sort == Sort.RELEVANCE ? RELEVANCE : "NULL") + " AS relevance, "
                + (sort == Sort.DISTANCE ? DISTANCE : "NULL") + " AS distance, "
                + (sort == Sort.PRICE ? MIN_PRICE : "NULL") + " AS min_price FROM " + m.from()
                + " WHERE " + m.where() + ")";
        String top = "top AS (SELECT * FROM m ORDER BY " + order(sort, "") + " LIMIT :limit OFFSET :offset)";
        String sql = m.with(ranked, top) + "SELECT c.total, " + CARD + ", "
                + (sort == Sort.PRICE ? "top.min_price" : MIN_PRICE) + ", "
                + (sort == Sort.DISTANCE ? "top.distance" : distance(q)) + ", s.photos[1]"
                + " FROM (SELECT count(*) AS total FROM m) c LEFT JOIN top ON true LEFT JOIN salon s ON s.id = top.id"
                + " ORDER BY " + order(sort, "top.");
        return rows(sql, params).map(rows -> {
            long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
            List<Card> cards = rows.stream().filter(r -> r[1] != null).map(r -> card(r, 1)).toList();
            return new PageResponse<>(cards, q.page(), q.size(), total);
        });
    }

    /** Only what a map needs, for the same filters; capped so a zoomed-out map stays light. */
    @WithSession
    public Uni<List<MapPin>> map(Query q) {
        Matches m = matches(q);
        String sql = m.with() + "SELECT s.id, s.name_uz, s.latitude, s.longitude, s.rating_avg FROM " + m.from()
                + " WHERE " + m.where() + " ORDER BY s.rating_count DESC, s.id LIMIT 500";
        return rows(sql, m.params()).map(rows -> rows.stream().map(r -> new MapPin((UUID) r[0], (String) r[1],
                ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue())).toList());
    }

    private static Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .toList());
    }

    private static Card card(Object[] r, int at) {
        return new Card((UUID) r[at], (String) r[at + 1], (String) r[at + 2], (String) r[at + 3], (String) r[at + 4],
                ((Number) r[at + 5]).doubleValue(), ((Number) r[at + 6]).doubleValue(),
                ((Number) r[at + 7]).doubleValue(), ((Number) r[at + 8]).intValue(),
                r[at + 9] == null ? null : ((Number) r[at + 9]).longValue(), "UZS",
                r[at + 10] == null ? null : Math.round(((Number) r[at + 10]).doubleValue() * 10) / 10.0,
                (String) r[at + 11]);
    }

    private static String distance(Query q) {
        return q.lat() != null ? DISTANCE : "NULL";
    }

    /** Sort keys over alias {@code t} ("s.", "top." or "" inside the ranked set); the id keeps pages stable. */
    private static String order(Sort sort, String t) {
        return switch (sort) {
            case DISTANCE -> t + "distance ASC, " + t + "id";
            case RATING -> t + "rating_avg DESC, " + t + "rating_count DESC, " + t + "id";
            case PRICE -> t + "min_price ASC NULLS LAST, " + t + "id";
            case POPULARITY -> t + "rating_count DESC, " + t + "rating_avg DESC, " + t + "id";
            case RELEVANCE -> t + "relevance DESC, " + t + "rating_avg DESC, " + t + "id";
        };
    }

    private static Sort effectiveSort(Query q) {
        if (q.sort() != null) {
            if (q.sort() == Sort.DISTANCE && q.lat() == null) {
                throw invalid("sort", "Sorting by distance needs lat and lon.");
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

    private static Matches matches(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        conditions.add("s.deleted_at IS NULL AND s.status = 'ACTIVE'");
        boolean text = !blank(q.text());
        if (text) {
            if (q.text().length() > 100) {
                throw invalid("q", "The search text is too long (at most 100 characters).");
            }
            if (q.text().chars().anyMatch(Character::isISOControl)) {
                throw invalid("q", "The search text contains control characters.");
            }
            params.put("q", q.text());
        }
        if ((q.lat() == null) != (q.lon() == null)) {
            throw invalid("lat", "lat and lon go together.");
        }
        if (q.lat() != null) {
            if (q.lat() < -90 || q.lat() > 90 || q.lon() < -180 || q.lon() > 180) {
                throw invalid("lat", "lat/lon out of range.");
            }
            params.put("lat", q.lat());
            params.put("lon", q.lon());
            if (q.radiusKm() != null) {
                if (q.radiusKm() <= 0 || q.radiusKm() > 100) {
                    throw invalid("radiusKm", "radiusKm must be in (0, 100].");
                }
                params.put("radius", q.radiusKm() * 1000);
                conditions.add("earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(s.latitude, s.longitude)"
                        + " AND " + DISTANCE + " <= :radius");
            }
        } else if (q.radiusKm() != null) {
            throw invalid("radiusKm", "radiusKm needs lat and lon.");
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
        if (q.openNow()) {
            conditions.add(SalonOpeningHoursRepository.OPEN_NOW_SQL);
        }
        return new Matches(text, text ? TEXT_CANDIDATES : "salon s", String.join(" AND ", conditions), params);
    }

    private static ApiException invalid(String parameter, String detail) {
        return ApiException.badRequest("invalid_parameter", detail, parameter).with("parameter", parameter);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
