package uz.aurelle.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.config.PaymentsConfig;

/** Where the client is sent to pay an order, per provider protocol. */
@ApplicationScoped
public class CheckoutLinks {

    private final PaymentsConfig config;
    private final Merchants merchants;

    public CheckoutLinks(PaymentsConfig config, Merchants merchants) {
        this.config = config;
        this.merchants = merchants;
    }

    /** Payme: checkout host + base64 of {@code m=..;ac.order_id=..;a=<tiyin>[;l=..][;c=..]}. */
    public static String payme(String checkoutUrl, String merchantId, String orderId, long amount,
                               String lang, String returnUrl) {
        StringBuilder params = new StringBuilder()
                .append("m=").append(merchantId)
                .append(";ac.order_id=").append(orderId)
                .append(";a=").append(amount);
        if (lang != null) {
            params.append(";l=").append(lang);
        }
        if (returnUrl != null) {
            params.append(";c=").append(returnUrl);
        }
        String base = checkoutUrl.endsWith("/") ? checkoutUrl : checkoutUrl + "/";
        return base + Base64.getEncoder().encodeToString(params.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Click amounts are so'm with two decimals. */
    public static String soums(long tiyin) {
        return BigDecimal.valueOf(tiyin, 2).toPlainString();
    }

    public String linkFor(PaymentOrder order, String lang, String returnUrl) {
        String orderId = order.id.toString();
        return switch (order.provider) {
            case PAYME -> payme(config.payme().checkoutUrl(), merchants.payme(order.merchant).orElseThrow().merchantId(),
                    orderId, order.amount, lang, returnUrl);
            case CLICK -> {
                PaymentsConfig.ClickMerchant m = merchants.click(order.merchant).orElseThrow();
                yield config.click().checkoutUrl()
                        + "?service_id=" + m.serviceId()
                        + "&merchant_id=" + enc(m.merchantId())
                        + "&amount=" + soums(order.amount)
                        + "&transaction_param=" + orderId
                        + (returnUrl == null ? "" : "&return_url=" + enc(returnUrl));
            }
            case UZUM -> {
                PaymentsConfig.UzumMerchant m = merchants.uzum(order.merchant).orElseThrow();
                yield config.uzum().checkoutUrl()
                        + "?serviceId=" + enc(m.serviceId())
                        + "&order_id=" + orderId
                        + "&amount=" + order.amount
                        + (returnUrl == null ? "" : "&redirectUrl=" + enc(returnUrl));
            }
            default -> null;
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
