package uz.aurelle.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aurelle.auth.ServiceClient;

@ApplicationScoped
public class ServiceClientRepository implements PanacheRepositoryBase<ServiceClient, String> {
}
