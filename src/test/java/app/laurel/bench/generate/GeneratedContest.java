package app.laurel.bench.generate;

import java.util.List;

/**
 * What the generator made, for the benchmark that uses it or the person who wants to look at it in the portal.
 * Every account's password is {@link #password()}.
 *
 * @param contestId  the contest's id
 * @param code       the contest's code
 * @param roundId    the round's id, null at stage ENTRIES
 * @param organiser  an organiser of the contest (username)
 * @param judges     the panel's usernames, in panel order
 * @param clerks     each unit's clerk (username), in unit order
 * @param entryIds   the first and last entry id (entries have consecutive ids)
 * @param scorecards scorecards written (0 before stage OPENED)
 * @param scores     scores written (0 before stage SCORED)
 * @param conflicts  conflicts recorded in the round, besides those of judges of an entry's own unit
 * @param seconds    how long generating took
 */
public record GeneratedContest(long contestId, String code, Long roundId, String organiser, String password,
                               List<String> judges, List<String> clerks, long[] entryIds, long scorecards, long scores,
                               long conflicts, double seconds) {

    public int entries() {
        return (int) (entryIds[1] - entryIds[0] + 1);
    }

    @Override
    public String toString() {
        return String.format("contest %s (id %d): %,d entries, %d judges, %d units, round %s, %,d scorecards, %,d scores,"
                        + " %,d recorded conflicts, in %.1f s; organiser %s, judge %s, clerk %s, password %s",
                code, contestId, entries(), judges.size(), clerks.size(), roundId, scorecards, scores, conflicts, seconds,
                organiser, judges.get(0), clerks.get(0), password);
    }
}
