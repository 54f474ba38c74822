package uz.aurelle.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import uz.aurelle.payments.WebhookCall;

@ApplicationScoped
public class WebhookCallRepository implements PanacheRepositoryBase<WebhookCall, Long> {
}
