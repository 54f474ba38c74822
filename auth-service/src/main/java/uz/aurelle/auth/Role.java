package uz.aurelle.auth;

/** Roles carried in the access token's {@code groups} claim. */
public enum Role {
    CLIENT, MASTER, SALON_OWNER, ADMIN,
    /** Only for service accounts (client credentials), never for people. */
    SERVICE;

    /** Roles a person may choose when signing up; everything else is granted by an admin. */
    public boolean selfRegistrable() {
        return this == CLIENT || this == SALON_OWNER;
    }
}
