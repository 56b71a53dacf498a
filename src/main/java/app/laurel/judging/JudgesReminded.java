package app.laurel.judging;

import java.util.List;

/**
 * Fired (as a CDI event) when an organiser reminds the judges who still have unsubmitted scorecards. Nothing
 * sends mail or SMS yet: this is the hook a notification feature observes.
 */
public record JudgesReminded(long roundId, String roundName, List<String> judges) {
}
