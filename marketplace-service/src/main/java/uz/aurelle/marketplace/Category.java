package uz.aurelle.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "category")
public class Category {
    @Id
    public UUID id;
    public String slug;
    @Column(name = "name_ru")
    public String nameRu;
    @Column(name = "name_uz")
    public String nameUz;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "sort_order")
    public int sortOrder;
}
