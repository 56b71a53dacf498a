package app.laurel.contest;

import app.laurel.identity.UnitType;

/**
 * How many entries a unit must (min) and may (max) submit (名额). Defaults follow seed 004: each township, park and
 * member unit submits one; police, procuratorate and court at least two.
 */
public record Quota(int min, int max) {

    public Quota {
        if (min < 0 || max < min || max == 0) {
            throw new IllegalArgumentException("quota " + min + ".." + max);
        }
    }

    public static Quota defaultFor(UnitType type) {
        return switch (type) {
            case TOWNSHIP, PARK, MEMBER -> new Quota(1, 1);
            case POLITICAL_LEGAL -> new Quota(2, 5);
            case SCHOOL, OTHER -> new Quota(0, 3);
        };
    }

    public boolean isReachedBy(int submitted) {
        return submitted >= max;
    }

    public boolean isMetBy(int submitted) {
        return submitted >= min;
    }
}
