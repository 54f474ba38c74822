package uz.aurelle.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link NoStore}; {@link #apply} does the same for a response built by hand. */
@NoStore
@Provider
public class NoStoreFilter implements ContainerResponseFilter {

    public static final String CACHE_CONTROL = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", CACHE_CONTROL);
        response.getHeaders().putSingle("Pragma", "no-cache");
    }

    public static Response.ResponseBuilder apply(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", CACHE_CONTROL).header("Pragma", "no-cache");
    }
}
