package uz.aurelle.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.SoftDeleteMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.reactive.mutiny.Mutiny;
import uz.aurelle.common.rest.PageResponse;

/**
 * The operations Hibernate's {@code @SoftDelete} deliberately hides: restore and admin listing of
 * deleted rows. Entities opt in with
 * {@code @SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")}; then
 * {@code delete()} / {@code deleteById()} set {@code deleted_at = now()} and every HQL/Panache
 * query skips deleted rows. Reading or restoring deleted rows needs native SQL, done here with
 * table and column names taken from Hibernate's own mapping. Call inside a Panache session (from a
 * {@code @WithSession}/{@code @WithTransaction} method or {@code Panache.withSession(...)});
 * restore needs a transaction.
 */
public final class SoftDeletes {

    private static final Map<Class<?>, Mapping> MAPPINGS = new ConcurrentHashMap<>();

    private SoftDeletes() {
    }

    /** Clears the deletion mark; true if a deleted row with this id existed. */
    public static Uni<Boolean> restore(Class<?> entity, Object id) {
        return Panache.getSession().flatMap(s -> {
            Mapping m = mapping(s, entity);
            String sql = "UPDATE " + m.table + " SET " + m.column + " = NULL WHERE " + m.id + " = :id AND "
                    + m.column + " IS NOT NULL";
            return s.createNativeQuery(sql).setParameter("id", id).executeUpdate().map(rows -> rows > 0);
        });
    }

    /** True if the row exists and is soft-deleted. */
    public static Uni<Boolean> isDeleted(Class<?> entity, Object id) {
        return Panache.getSession().flatMap(s -> {
            Mapping m = mapping(s, entity);
            String sql = "SELECT count(*) FROM " + m.table + " WHERE " + m.id + " = :id AND " + m.column
                    + " IS NOT NULL";
            return s.createNativeQuery(sql, Long.class).setParameter("id", id).getSingleResult().map(c -> c > 0);
        });
    }

    /** Deleted rows only, most recently deleted first (admin view). */
    public static <T> Uni<PageResponse<T>> listDeleted(Class<T> entity, int page, int size) {
        if (page < 0 || size < 1) {
            return Uni.createFrom().failure(new IllegalArgumentException("page must be >= 0 and size >= 1"));
        }
        return Panache.getSession().flatMap(s -> {
            Mapping m = mapping(s, entity);
            String where = " FROM " + m.table + " WHERE " + m.column + " IS NOT NULL";
            // Hibernate Reactive needs exactly the mapped columns, not SELECT *.
            return s.createNativeQuery("SELECT " + m.columns + where + " ORDER BY " + m.column + " DESC, " + m.id,
                    entity)
                    .setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList()
                    .flatMap((List<T> items) -> s.createNativeQuery("SELECT count(*)" + where, Long.class)
                            .getSingleResult()
                            .map(total -> new PageResponse<>(items, page, size, total)));
        });
    }

    private record Mapping(String table, String column, String id, String columns) {
    }

    private static Mapping mapping(Mutiny.Session session, Class<?> entity) {
        return MAPPINGS.computeIfAbsent(entity, type -> {
            if (!(session.getFactory().getMetamodel() instanceof MappingMetamodel metamodel)) {
                throw new IllegalStateException("Hibernate mapping metamodel not available");
            }
            EntityPersister persister = metamodel.getEntityDescriptor(type);
            SoftDeleteMapping softDelete = persister.getSoftDeleteMapping();
            if (softDelete == null || softDelete.getSoftDeleteStrategy() != SoftDeleteType.TIMESTAMP
                    || !(persister instanceof AbstractEntityPersister single)
                    || single.getIdentifierColumnNames().length != 1) {
                throw new IllegalArgumentException(type.getName()
                        + " must be an entity with @SoftDelete(strategy = TIMESTAMP) and a single-column id");
            }
            String id = single.getIdentifierColumnNames()[0];
            List<String> columns = new ArrayList<>(List.of(id));
            persister.forEachSelectable((index, selectable) -> {
                if (!selectable.isFormula() && !columns.contains(selectable.getSelectionExpression())) {
                    columns.add(selectable.getSelectionExpression());
                }
            });
            return new Mapping(softDelete.getTableName(), softDelete.getColumnName(),
                    id, String.join(", ", columns));
        });
    }
}
