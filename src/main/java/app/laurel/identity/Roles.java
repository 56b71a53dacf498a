package app.laurel.identity;

/** The role names as compile-time constants, for {@code @RolesAllowed}. Kept equal to {@link Role}'s names. */
public final class Roles {
    public static final String PUBLIC = "PUBLIC";
    public static final String UNIT_ADMIN = "UNIT_ADMIN";
    public static final String JUDGE = "JUDGE";
    public static final String REVIEWER = "REVIEWER";
    public static final String ORGANISER = "ORGANISER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
