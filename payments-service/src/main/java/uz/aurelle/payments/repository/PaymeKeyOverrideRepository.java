package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import uz.aurelle.payments.PaymeKeyOverride;

@ApplicationScoped
public class PaymeKeyOverrideRepository implements PanacheRepositoryBase<PaymeKeyOverride, String> {
}
