package uz.aurelle.marketplace.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import uz.aurelle.marketplace.rest.CatalogueViews.CategoryView;
import uz.aurelle.marketplace.service.CatalogueService;

@Path("/api/categories")
public class CategoryResource {

    private final CatalogueService catalogue;

    public CategoryResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    public Uni<List<CategoryView>> list() {
        return catalogue.categories().map(list -> list.stream().map(CategoryView::of).toList());
    }
}
