package app.laurel.publication;

import java.time.Instant;

/**
 * What a contest's card and page need to link its public notice: read as a projection, so that listing the notices
 * of many contests is one query and never loads their entries.
 */
public record NoticeLink(Long contestId, String shortCode, String title, NoticeStatus status, Instant startsAt,
                         Instant endsAt) {

    public NoticePhase phaseAt(Instant now) {
        return NoticePhase.of(status, startsAt, endsAt, now);
    }
}
