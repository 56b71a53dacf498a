package app.laurel.judging.api;

import app.laurel.judging.ConflictLine;
import app.laurel.judging.PanelStatistics;
import app.laurel.judging.RankedEntry;
import app.laurel.judging.Round;
import app.laurel.judging.RoundResult;
import app.laurel.platform.api.Versioned;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the rounds API, and the mapping into them. */
public final class RoundJsons {

    private RoundJsons() {
    }

    public record CriterionJson(String name, String description, Integer maxPoints, Boolean primary) {
    }

    public record NewRoundJson(String contest, String name, String mode, Integer judgesPerEntry, String method,
                               Integer minScores, Integer disagreementPct, Integer selectCount, Integer commentBelow,
                               Integer commentAbove, Long categoryId, Long fromRound, Integer top,
                               List<CriterionJson> criteria, List<String> judges, Long version) {
    }

    public record RoundJson(long id, String contest, String name, int sequenceNo, String mode, Integer judgesPerEntry,
                            String method, int minScores, int disagreementPct, int selectCount, String status,
                            List<CriterionJson> criteria, List<String> judges, List<String> entryCodes, long version)
            implements Versioned {
    }

    public record RankedJson(String code, int rank, BigDecimal value, BigDecimal display, BigDecimal plainMean,
                             BigDecimal rescaled, int scores, boolean selected, boolean disagreement, Double stability) {
    }

    public record JudgeJson(String judge, int scored, BigDecimal mean, BigDecimal sd, BigDecimal leniency) {
    }

    public record RankingJson(String method, int selectCount, int selected, List<RankedJson> order, List<String> tiedAtCut,
                              String cutDecision, String cutReason, Double kendallsW, List<JudgeJson> judges) {
    }

    public record CutJson(String decision, List<String> order, String reason) {
    }

    public record NewConflictJson(String entry, String judge, String reason) {
    }

    public record ConflictJson(String entryTitle, String judge, String reason, String declaredBy, Instant at) {
    }

    public record ReopenJson(String entry, String judge, String reason) {
    }

    static RoundJson round(Round round, List<String> entryCodes) {
        return new RoundJson(round.getId(), round.getContest().getCode(), round.getName(), round.getSequenceNo(),
                round.getAssignmentMode().name(), round.getJudgesPerEntry(), round.getMethod().name(), round.getMinScores(),
                round.getDisagreementPct(), round.getSelectCount(), round.getStatus().name(),
                round.getCriteria().stream().map(c -> new CriterionJson(c.getName(), c.getDescription(), c.getMaxPoints(),
                        c.isPrimary())).toList(),
                round.getJudges().stream().map(j -> j.getUsername()).sorted().toList(), entryCodes, round.getVersion());
    }

    static RankingJson ranking(RoundResult result) {
        var ranking = result.ranking();
        List<RankedJson> order = ranking.order().stream().map(e -> ranked(e, result)).toList();
        return new RankingJson(ranking.method().name(), ranking.selectCount(), ranking.hasTieAtCut() ? 0 : ranking.selectedSize(),
                order, ranking.tiedAtCut().stream().map(e -> result.codes().get(e.entryId())).toList(),
                result.cutApplied() ? result.round().getCutDecision().name() : null,
                result.cutApplied() ? result.round().getCutReason() : null, result.kendallsW(),
                result.judges().stream().map(RoundJsons::judge).toList());
    }

    private static RankedJson ranked(RankedEntry e, RoundResult result) {
        BigDecimal rescaled = result.rescaled().get(e.entryId());
        return new RankedJson(result.codes().get(e.entryId()), e.rank(), e.value(), e.displayValue(), e.plainMean(),
                rescaled == null ? null : rescaled.setScale(2, RoundingMode.HALF_UP), e.scoreCount(),
                result.ranking().isSelected(e), result.disagreements().contains(e.entryId()), result.stability().get(e.entryId()));
    }

    private static JudgeJson judge(PanelStatistics.JudgeFigures f) {
        return new JudgeJson(f.judge(), f.scored(), two(f.mean()), two(f.sd()), two(f.leniency()));
    }

    static ConflictJson conflict(ConflictLine c) {
        return new ConflictJson(c.entryTitle(), c.judge(), c.reason(), c.declaredBy(), c.createdAt());
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
