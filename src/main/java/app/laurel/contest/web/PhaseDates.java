package app.laurel.contest.web;

import app.laurel.contest.PhaseKind;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One phase's dates on the set-up form, as Beijing wall-clock times (the date pickers show local times). */
public class PhaseDates implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PhaseKind kind;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;

    public PhaseDates(PhaseKind kind) {
        this.kind = kind;
    }

    public PhaseKind getKind() {
        return kind;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public boolean isSet() {
        return startsAt != null || endsAt != null;
    }
}
