package uz.aurelle.marketplace.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uz.aurelle.marketplace.service.Actor;

/** Turns the verified access token into the service layer's {@link Actor}. */
@RequestScoped
public class Callers {

    private final JsonWebToken jwt;

    public Callers(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Actor current() {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return new Actor(jwt.getSubject(), Set.copyOf(groups));
    }
}
