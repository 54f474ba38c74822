package uz.aurelle.auth.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aurelle.auth.service.SigningKeys;

@Path("/.well-known/jwks.json")
@Tag(name = "auth")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "Public keys verifying our access tokens (RFC 7517)")
    public Response jwks() {
        // Short cache: verifiers re-fetch on an unknown kid anyway, and rotation must propagate quickly.
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
