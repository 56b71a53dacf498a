package app.laurel.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the workspace knows about one contest, as plain numbers read in a few aggregate queries.
 *
 * @param setUp        the contest has a submission phase, a category and an entry type: citizens can submit
 * @param submissionStart the start of 征集 (meaningful only when set up)
 * @param submissionEnd the end of 征集, the citizens' deadline (meaningful only when set up)
 * @param entries      submitted entries (never drafts) by status name: SUBMITTED, ACCEPTED, RETURNED …
 * @param rounds       the rounds in order
 * @param notice       the latest notice, or null
 * @param certificates valid certificates issued
 * @param prizes       prizes recorded, and {@code paid} of them paid
 * @param columnItems  entries published in the column
 */
public record Facts(boolean setUp, Instant submissionStart, Instant submissionEnd, Map<String, Long> entries, List<RoundFacts> rounds,
                    NoticeFacts notice, long certificates, long prizes, long paid, long columnItems) {

    /** A round: its id, name, status (SETUP, OPEN, CLOSED) and its scorecards submitted of assigned. */
    public record RoundFacts(long id, String name, String status, long submittedCards, long cards) {
    }

    /** A notice: its status (DRAFT, PUBLISHED, FINALISED) and its period. */
    public record NoticeFacts(long id, String status, Instant startsAt, Instant endsAt) {
    }

    public Facts {
        entries = Map.copyOf(entries);
        rounds = List.copyOf(rounds);
    }

    public long entries(String status) {
        return entries.getOrDefault(status, 0L);
    }
}
