package uz.aurelle.marketplace.rest;

import uz.aurelle.common.error.ApiException;

/** {@code ?page=&size=} checks answered as 400 problems naming the parameter. */
final class Paging {

    private Paging() {
    }

    static int page(int page) {
        if (page < 0) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be >= 0.", "page")
                    .with("parameter", "page");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > 100) {
            throw ApiException.badRequest("invalid_parameter", "Query parameter ''{0}'' must be 1..100.", "size")
                    .with("parameter", "size");
        }
        return size;
    }
}
