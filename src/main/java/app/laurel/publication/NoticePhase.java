package app.laurel.publication;

import java.time.Instant;

/**
 * The one status the public reads on a notice, derived from its stored state and its period by the server's
 * clock: 即将公示 before the period, 公示中 while objections are taken, 公示期已结束 after it until the organiser
 * announces the result, 结果已公布 then. Every page that names a notice's state (the notice, the contest, the home
 * page, the organiser's badge) shows this, so no two words on one screen contradict each other.
 */
public enum NoticePhase {
    DRAFT, UPCOMING, OPEN, CLOSED, FINALISED;

    public static NoticePhase of(NoticeStatus status, Instant startsAt, Instant endsAt, Instant now) {
        return switch (status) {
            case DRAFT -> DRAFT;
            case FINALISED -> FINALISED;
            case PUBLISHED -> now.isBefore(startsAt) ? UPCOMING : now.isBefore(endsAt) ? OPEN : CLOSED;
        };
    }

    /** Objections are taken only while the period runs. */
    public boolean takesObjections() {
        return this == OPEN;
    }

    /** Whether the public may know the notice at all. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
