package uz.aurelle.auth.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.service.AuthModels.MeView;
import uz.aurelle.auth.service.AuthModels.PublicProfile;
import uz.aurelle.auth.service.AuthModels.RolesView;
import uz.aurelle.auth.service.AuthModels.UpdateMeRequest;
import uz.aurelle.auth.service.UserService;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.http.NoStore;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"CLIENT", "MASTER", "SALON_OWNER", "ADMIN"})
@NoStore
@Tag(name = "users")
public class UserResource {

    private final UserService users;
    private final CurrentUser currentUser;

    public UserResource(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in user's own account")
    public Uni<MeView> me() {
        return users.me(currentUser.id());
    }

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change name, locale, phone or email")
    public Uni<MeView> updateMe(@Valid @NotNull UpdateMeRequest patch) {
        return users.updateMe(currentUser.id(), patch);
    }

    @DELETE
    @Path("/me")
    @Operation(summary = "Delete the account: sessions end now, personal data is anonymised after retention")
    public Uni<Response> deleteMe() {
        return users.deleteMe(currentUser.id()).map(v -> Response.noContent().build());
    }

    /** E.g. {@code POST /api/users/me/roles/master}; refresh the token afterwards to carry the new role. */
    @POST
    @Path("/me/roles/{role}")
    @Operation(summary = "Add CLIENT or MASTER to the own account (idempotent); other roles are refused")
    public Uni<RolesView> addOwnRole(@PathParam("role") String role) {
        return users.addOwnRole(currentUser.id(), parseRole(role));
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("role_not_found", "No such role");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A user's public profile (never phone or email)")
    public Uni<PublicProfile> profile(@PathParam("id") UUID id) {
        return users.publicProfile(id);
    }
}
