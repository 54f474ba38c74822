package uz.aurelle.marketplace.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.marketplace.service.SearchService;

/** Query parameters of salon search, parsed leniently as text so bad values get a 400 naming them. */
public class SearchParams {
    @QueryParam("q")
    public String q;
    @QueryParam("categoryId")
    public String categoryId;
    @QueryParam("lat")
    public String lat;
    @QueryParam("lon")
    public String lon;
    @QueryParam("radiusKm")
    public String radiusKm;
    @QueryParam("minRating")
    public String minRating;
    @QueryParam("minPrice")
    public String minPrice;
    @QueryParam("maxPrice")
    public String maxPrice;
    @QueryParam("homeService")
    public String homeService;
    @QueryParam("openNow")
    public String openNow;
    @QueryParam("sort")
    public String sort;
    @QueryParam("page")
    @DefaultValue("0")
    public String page;
    @QueryParam("size")
    @DefaultValue("20")
    public String size;

    SearchService.Query toQuery() {
        int pageNo = Params.page(page);
        int pageSize = Params.size(size);
        SearchService.Sort order = null;
        if (sort != null) {
            try {
                order = SearchService.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("sort");
            }
        }
        UUID category = null;
        if (categoryId != null) {
            try {
                category = UUID.fromString(categoryId);
            } catch (IllegalArgumentException e) {
                throw bad("categoryId");
            }
        }
        return new SearchService.Query(q, category, optional("lat", lat), optional("lon", lon),
                optional("radiusKm", radiusKm), optional("minRating", minRating),
                minPrice == null ? null : (long) number("minPrice", minPrice, 0, 1e13),
                maxPrice == null ? null : (long) number("maxPrice", maxPrice, 0, 1e13),
                flag("homeService", homeService), Boolean.TRUE.equals(flag("openNow", openNow)), order, pageNo,
                pageSize);
    }

    /** true or false, nothing else: "maybe" or "yes" silently meaning false would hide salons. */
    private static Boolean flag(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name);
        };
    }

    private static Double optional(String name, String value) {
        return value == null ? null : number(name, value, -1e13, 1e13);
    }

    private static double number(String name, String value, double min, double max) {
        try {
            double v = Double.parseDouble(value);
            if (Double.isNaN(v) || v < min || v > max) {
                throw bad(name);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name);
        }
    }

    private static ApiException bad(String name) {
        return ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' is invalid.", name)
                .with("parameter", name);
    }
}
