package uz.aurelle.auth;

/** Roles carried in the access token's {@code groups} claim. */
public enum Role {
    CLIENT, MASTER, SALON_OWNER, ADMIN,
    /** Only for service accounts (client credentials), never for people. */
    SERVICE;

    /**
     * Roles a person may choose when signing up; everything else is granted by an admin. MASTER alone
     * grants nothing: marketplace-service shows a master account only the bookings of the salon masters
     * whose invitation that account accepted, and the salon's owner can unlink it at any time.
     */
    public boolean selfRegistrable() {
        return this == CLIENT || this == MASTER || this == SALON_OWNER;
    }

    /**
     * Roles a signed-in person may add to their own account: those that give access to nothing but the
     * person's own data (a client's bookings) or what a salon explicitly links to them (MASTER, see above).
     * SALON_OWNER is chosen at sign-up or granted by an admin, ADMIN only by an admin.
     */
    public boolean selfGrantable() {
        return this == CLIENT || this == MASTER;
    }
}
