package app.laurel.judging;

/**
 * Where a round takes its entries from: the contest's accepted entries (all, or of one category), or the top
 * {@code top} of an earlier closed round's frozen ranking (初评 → 终评; without {@code top}, those it selected).
 */
public record RoundSource(Long categoryId, Long previousRoundId, Integer top) {

    public static final RoundSource ALL_ACCEPTED = new RoundSource(null, null, null);

    public boolean fromPreviousRound() {
        return previousRoundId != null;
    }
}
