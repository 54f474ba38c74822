package uz.aurelle.payments;

/** Lifecycle of a payment order: open until paid or cancelled; a paid order may be refunded. */
public enum OrderState {
    CREATED, PAID, CANCELLED, REFUNDED
}
