package uz.aurelle.payments.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Link formats and money arithmetic that need no running service. */
class CheckoutLinksTest {

    @Test
    void paymeLinkMatchesThePublishedVector() {
        assertThat(CheckoutLinks.payme("https://checkout.paycom.uz", "587f72c72cac0d162c722ae2", "197", 500, null, null))
                .isEqualTo("https://checkout.paycom.uz/bT01ODdmNzJjNzJjYWMwZDE2MmM3MjJhZTI7YWMub3JkZXJfaWQ9MTk3O2E9NTAw");
    }

    @Test
    void paymeLinkCarriesLanguageAndReturnUrl() {
        String link = CheckoutLinks.payme("https://test.paycom.uz/", "m1", "o1", 100, "uz", "https://aurelle.uz/r");
        String decoded = new String(java.util.Base64.getDecoder().decode(link.substring("https://test.paycom.uz/".length())));
        assertThat(decoded).isEqualTo("m=m1;ac.order_id=o1;a=100;l=uz;c=https://aurelle.uz/r");
    }

    @Test
    void clickAmountsAreSoumsWithTwoDecimals() {
        assertThat(CheckoutLinks.soums(5_000_000)).isEqualTo("50000.00");
        assertThat(CheckoutLinks.soums(1)).isEqualTo("0.01");
        assertThat(CheckoutLinks.soums(123_456)).isEqualTo("1234.56");
    }
}
