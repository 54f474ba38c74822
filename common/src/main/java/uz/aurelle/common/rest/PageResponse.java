package uz.aurelle.common.rest;

import java.util.List;
import java.util.function.Function;

/** The list envelope every API uses: {@code {"items": [...], "page": 0, "size": 20, "total": N}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
