package uz.aurelle.auth.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aurelle.auth.service.AuthModels.ChangePasswordRequest;
import uz.aurelle.auth.service.AuthModels.LoginRequest;
import uz.aurelle.auth.service.AuthModels.RefreshRequest;
import uz.aurelle.auth.service.AuthModels.RegisterRequest;
import uz.aurelle.auth.service.AuthModels.TokenResponse;
import uz.aurelle.auth.service.AuthService;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.http.NoStore;
import uz.aurelle.common.http.RequestContext;
import uz.aurelle.common.ratelimit.RateLimited;
import uz.aurelle.common.security.BasicCredentials;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@NoStore
@Tag(name = "auth")
public class AuthResource {

    private final AuthService auth;
    private final CurrentUser currentUser;

    public AuthResource(AuthService auth, CurrentUser currentUser) {
        this.auth = auth;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(policy = "auth-register-ip")
    @Operation(summary = "Sign up as a client, master or salon owner")
    public Uni<Response> register(@Valid @NotNull RegisterRequest request) {
        return auth.register(request, RequestContext.clientIp())
                .map(user -> Response.created(URI.create("/api/users/" + user.id())).entity(user).build());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with phone or email and password; returns an access/refresh token pair")
    public Uni<Response> login(@Valid @NotNull LoginRequest request) {
        return auth.login(request).map(AuthResource::tokens);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(policy = "auth-refresh-ip")
    @Operation(summary = "Rotate a refresh token")
    public Uni<Response> refresh(@Valid @NotNull RefreshRequest request) {
        return auth.refresh(request.refreshToken()).map(AuthResource::tokens);
    }

    /** RFC 6749 token endpoint: refresh_token and client_credentials grants, form-encoded. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(policy = "auth-token-ip")
    @Operation(summary = "OAuth 2.0 token endpoint (grant_type refresh_token or client_credentials)")
    public Uni<Response> token(@FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @HeaderParam("Authorization") String authorization) {
        if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 512) {
                throw ApiException.badRequest("invalid_request", "refresh_token is required")
                        .with("error", "invalid_request");
            }
            return auth.refresh(refreshToken).map(AuthResource::tokens);
        }
        if ("client_credentials".equals(grantType)) {
            // RFC 6749 §2.3.1: HTTP Basic or form parameters, but never both at once.
            Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
            if (basic.isPresent() && (clientId != null || clientSecret != null)) {
                throw ApiException.badRequest("invalid_request", "Use either HTTP Basic or form client credentials")
                        .with("error", "invalid_request");
            }
            return basic.map(b -> auth.clientCredentials(b.username(), b.password()))
                    .orElseGet(() -> auth.clientCredentials(clientId, clientSecret))
                    .map(AuthResource::tokens);
        }
        throw ApiException.badRequest("unsupported_grant_type",
                "grant_type must be refresh_token or client_credentials").with("error", "unsupported_grant_type");
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(policy = "auth-refresh-ip")
    @Operation(summary = "End the session (token family) of the given refresh token")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest request) {
        return auth.logout(request.refreshToken()).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @Operation(summary = "End every session of the signed-in user")
    public Uni<Response> logoutAll() {
        return auth.logoutAll(currentUser.id()).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/change-password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(policy = "auth-password-change-user", key = RateLimited.Key.USER)
    @Operation(summary = "Change the password (current one required); ends every session")
    public Uni<Response> changePassword(@Valid @NotNull ChangePasswordRequest request) {
        return auth.changePassword(currentUser.id(), request).map(v -> Response.noContent().build());
    }

    private static Response tokens(TokenResponse tokens) {
        return Response.ok(tokens).build();
    }
}
