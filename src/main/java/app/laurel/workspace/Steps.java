package app.laurel.workspace;

import app.laurel.platform.time.Clocks;
import app.laurel.workspace.Facts.NoticeFacts;
import app.laurel.workspace.Facts.RoundFacts;
import app.laurel.workspace.StepState.Line;
import app.laurel.workspace.StepState.Progress;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides each step's state and the one prompt for what to do next from a contest's {@link Facts}. The prompt
 * follows the contest's course: set it up, screen what came in, judge, publish the notice, then certificates,
 * prizes and the column; a later step that has begun outranks leftovers of an earlier one.
 */
public final class Steps {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);

    private Steps() {
    }

    public static List<StepState> states(Facts f, Instant now) {
        return List.of(setup(f, now), screening(f), judging(f), notice(f, now), certificates(f), prizes(f), column(f));
    }

    private static StepState setup(Facts f, Instant now) {
        if (!f.setUp()) {
            return new StepState(Step.SETUP, Progress.TODO, List.of(Line.of("workspace.setup.incomplete")));
        }
        String key = now.isBefore(f.submissionStart()) ? "workspace.setup.upcoming"
                : now.isBefore(f.submissionEnd()) ? "workspace.setup.open" : "workspace.setup.closed";
        return new StepState(Step.SETUP, Progress.DONE, List.of(Line.of(key, DATE_TIME.format(f.submissionEnd()))));
    }

    private static StepState screening(Facts f) {
        long waiting = f.entries("SUBMITTED");
        long accepted = accepted(f);
        long total = f.entries().values().stream().mapToLong(Long::longValue).sum();
        Progress progress = total == 0 ? Progress.TODO : waiting > 0 ? Progress.ACTIVE : Progress.DONE;
        return new StepState(Step.SCREENING, progress, List.of(Line.of("workspace.screening.counts", waiting, accepted,
                f.entries("RETURNED"), f.entries("REJECTED"))));
    }

    private static StepState judging(Facts f) {
        if (f.rounds().isEmpty()) {
            return new StepState(Step.JUDGING, Progress.TODO, List.of(Line.of("workspace.judging.none")));
        }
        List<Line> lines = new ArrayList<>();
        for (RoundFacts r : f.rounds()) {
            lines.add(Line.of("workspace.judging." + r.status(), r.name(), r.submittedCards(), r.cards()));
        }
        boolean allClosed = f.rounds().stream().allMatch(r -> r.status().equals("CLOSED"));
        return new StepState(Step.JUDGING, allClosed ? Progress.DONE : Progress.ACTIVE, lines);
    }

    private static StepState notice(Facts f, Instant now) {
        NoticeFacts n = f.notice();
        if (n == null) {
            return new StepState(Step.NOTICE, Progress.TODO, List.of(Line.of("workspace.notice.none")));
        }
        return switch (n.status()) {
            case "FINALISED" -> new StepState(Step.NOTICE, Progress.DONE, List.of(Line.of("workspace.notice.finalised")));
            case "PUBLISHED" -> new StepState(Step.NOTICE, Progress.ACTIVE, List.of(now.isBefore(n.endsAt())
                    ? Line.of("workspace.notice.running", DATE_TIME.format(n.endsAt()))
                    : Line.of("workspace.notice.ended", DATE_TIME.format(n.endsAt()))));
            default -> new StepState(Step.NOTICE, Progress.ACTIVE, List.of(Line.of("workspace.notice.draft")));
        };
    }

    private static StepState certificates(Facts f) {
        long winners = f.entries("WINNER");
        Progress progress = f.certificates() == 0 ? Progress.TODO
                : f.certificates() < winners ? Progress.ACTIVE : Progress.DONE;
        return new StepState(Step.CERTIFICATES, progress, List.of(Line.of("workspace.certificates.issued", f.certificates(), winners)));
    }

    private static StepState prizes(Facts f) {
        Progress progress = f.prizes() == 0 ? Progress.TODO : f.paid() < f.prizes() ? Progress.ACTIVE : Progress.DONE;
        return new StepState(Step.PRIZES, progress, List.of(Line.of("workspace.prizes.paid", f.paid(), f.prizes())));
    }

    private static StepState column(Facts f) {
        return new StepState(Step.COLUMN, f.columnItems() == 0 ? Progress.TODO : Progress.DONE,
                List.of(Line.of("workspace.column.published", f.columnItems())));
    }

    /** The one thing to do next; null once everything is done. */
    public static NextStep next(Facts f, Instant now) {
        if (!f.setUp()) {
            return new NextStep(Step.SETUP, "workspace.next.setup", null, null);
        }
        if (f.notice() != null) {
            return afterNotice(f, now);
        }
        if (!f.rounds().isEmpty()) {
            Optional<RoundFacts> open = f.rounds().stream().filter(r -> r.status().equals("OPEN")).findFirst();
            if (open.isPresent()) {
                RoundFacts r = open.get();
                return r.submittedCards() == r.cards()
                        ? new NextStep(Step.JUDGING, "workspace.next.closeRound", r.name(), r.id())
                        : new NextStep(Step.JUDGING, "workspace.next.followRound", r.name(), r.id());
            }
            Optional<RoundFacts> setUp = f.rounds().stream().filter(r -> r.status().equals("SETUP")).findFirst();
            if (setUp.isPresent()) {
                return new NextStep(Step.JUDGING, "workspace.next.openRound", setUp.get().name(), setUp.get().id());
            }
            return new NextStep(Step.NOTICE, "workspace.next.draftNotice", null, null);
        }
        long waiting = f.entries("SUBMITTED");
        if (waiting > 0) {
            return new NextStep(Step.SCREENING, "workspace.next.screen", waiting, null);
        }
        if (now.isBefore(f.submissionEnd())) {
            return new NextStep(Step.SCREENING, "workspace.next.collecting", DATE_TIME.format(f.submissionEnd()), null);
        }
        if (accepted(f) > 0) {
            return new NextStep(Step.JUDGING, "workspace.next.createRound", null, null);
        }
        return new NextStep(Step.SCREENING, "workspace.next.noEntries", null, null);
    }

    private static NextStep afterNotice(Facts f, Instant now) {
        NoticeFacts n = f.notice();
        if (n.status().equals("DRAFT")) {
            return new NextStep(Step.NOTICE, "workspace.next.publishNotice", null, null);
        }
        if (n.status().equals("PUBLISHED")) {
            return now.isBefore(n.endsAt())
                    ? new NextStep(Step.NOTICE, "workspace.next.objections", DATE_TIME.format(n.endsAt()), null)
                    : new NextStep(Step.NOTICE, "workspace.next.finalise", null, null);
        }
        long winners = f.entries("WINNER");
        if (f.certificates() < winners) {
            return new NextStep(Step.CERTIFICATES, "workspace.next.certificates", winners - f.certificates(), null);
        }
        if (f.prizes() < winners || f.paid() < f.prizes()) {
            return new NextStep(Step.PRIZES, "workspace.next.prizes", null, null);
        }
        if (f.columnItems() == 0) {
            return new NextStep(Step.COLUMN, "workspace.next.column", null, null);
        }
        return null;
    }

    /** Accepted for judging, including those that went on to win or were disqualified after an objection. */
    private static long accepted(Facts f) {
        return f.entries("ACCEPTED") + f.entries("WINNER") + f.entries("DISQUALIFIED");
    }
}
