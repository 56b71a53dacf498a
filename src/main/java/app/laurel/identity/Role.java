package app.laurel.identity;

/**
 * What an account may do. Names match the security roles in web.xml and {@code @RolesAllowed}
 * (see {@link Roles} for the string constants those annotations need).
 */
public enum Role {
    /** A citizen who submits entries under their own name (群众). */
    PUBLIC,
    /** The administrator of a member organisation: township, police, school ... (单位管理员). */
    UNIT_ADMIN,
    /** An expert on a judging panel (评委). */
    JUDGE,
    /** Reviews campaign reports for the offices (责任科室) they are tied to (科室审核人). */
    REVIEWER,
    /** Runs contests and campaigns (组委会). */
    ORGANISER,
    /** Runs the portal itself; may create organisers. */
    ADMIN
}
