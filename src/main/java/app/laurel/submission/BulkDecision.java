package app.laurel.submission;

import java.util.List;

/** What a decision on several entries did: the entries decided, and the receipt numbers of those no longer waiting. */
public record BulkDecision(List<Long> decided, List<String> skipped) {

    public BulkDecision {
        decided = List.copyOf(decided);
        skipped = List.copyOf(skipped);
    }
}
