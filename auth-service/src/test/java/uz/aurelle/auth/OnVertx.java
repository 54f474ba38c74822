package uz.aurelle.auth;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs reactive service code from a test thread on a Vert.x context, keeping the test thread's class loader. */
public final class OnVertx {

    private OnVertx() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(loader);
        }
    }
}
