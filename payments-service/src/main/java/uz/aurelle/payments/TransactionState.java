package uz.aurelle.payments;

/**
 * Provider transaction state, mapped to Payme's numbers: CREATED 1, PERFORMED 2,
 * CANCELLED -1 (before perform), REVERSED -2 (after perform).
 */
public enum TransactionState {
    CREATED(1), PERFORMED(2), CANCELLED(-1), REVERSED(-2);

    private final int payme;

    TransactionState(int payme) {
        this.payme = payme;
    }

    public int payme() {
        return payme;
    }
}
