package uz.aurelle.auth.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aurelle.auth.Role;
import uz.aurelle.auth.repository.UserRepository;
import uz.aurelle.auth.service.AdminUserService;
import uz.aurelle.auth.service.AuthModels.AdminUserView;
import uz.aurelle.auth.service.AuthModels.RolesRequest;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.http.NoStore;
import uz.aurelle.common.rest.PageResponse;

@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@NoStore
@Tag(name = "admin")
public class AdminUserResource {

    private final AdminUserService admin;
    private final CurrentUser currentUser;

    public AdminUserResource(AdminUserService admin, CurrentUser currentUser) {
        this.admin = admin;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Search users (q over name, phone, email); deleted ones on request")
    public Uni<PageResponse<AdminUserView>> search(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("role") @Size(max = 20) String role,
            @QueryParam("active") Boolean active,
            @QueryParam("includeDeleted") @DefaultValue("false") boolean includeDeleted,
            @QueryParam("deletedOnly") @DefaultValue("false") boolean deletedOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (includeDeleted && deletedOnly) {
            throw ApiException.badRequest("conflicting_filters", "Use either includeDeleted or deletedOnly");
        }
        UserRepository.Deleted deleted = deletedOnly ? UserRepository.Deleted.ONLY
                : includeDeleted ? UserRepository.Deleted.INCLUDE : UserRepository.Deleted.EXCLUDE;
        return admin.search(currentUser.id(), new UserRepository.Filter(q, parseRole(role), active, deleted), page, size);
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_role", "Unknown role " + role.strip(), role.strip());
        }
    }

    @GET
    @Path("/{id}")
    public Uni<AdminUserView> get(@PathParam("id") UUID id) {
        return admin.get(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a soft-deleted user (409 if the phone/email was taken meanwhile)")
    public Uni<AdminUserView> restore(@PathParam("id") UUID id) {
        return admin.restore(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/activate")
    public Uni<AdminUserView> activate(@PathParam("id") UUID id) {
        return admin.setActive(currentUser.id(), id, true);
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a user; ends every session of theirs")
    public Uni<AdminUserView> deactivate(@PathParam("id") UUID id) {
        return admin.setActive(currentUser.id(), id, false);
    }

    @PUT
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's roles (the last active admin keeps ADMIN)")
    public Uni<AdminUserView> roles(@PathParam("id") UUID id, @Valid @NotNull RolesRequest request) {
        return admin.setRoles(currentUser.id(), id, request.roles());
    }
}
