package uz.aurelle.payments.testing;

/** The opaque SERVICE token the fake auth-service hands out; the fake marketplace requires it. */
public final class TestServiceToken {

    public static final String TOKEN = "test-service-token-for-payments";

    private TestServiceToken() {
    }
}
