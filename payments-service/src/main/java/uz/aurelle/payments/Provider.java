package uz.aurelle.payments;

/** Who moves the money: an online provider calling our webhooks, or the salon recording it offline. */
public enum Provider {
    PAYME, CLICK, UZUM, CASH, CARD_AT_SALON;

    public boolean online() {
        return this == PAYME || this == CLICK || this == UZUM;
    }
}
