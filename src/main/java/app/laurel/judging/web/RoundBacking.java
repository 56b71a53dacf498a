package app.laurel.judging.web;

import app.laurel.judging.ConflictLine;
import app.laurel.judging.CutDecision;
import app.laurel.judging.PanelService;
import app.laurel.judging.RankedEntry;
import app.laurel.judging.Round;
import app.laurel.judging.RoundResult;
import app.laurel.judging.RoundService;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/round.xhtml?id=3}: one round for the organiser: its frozen rules, opening, progress by judge
 * and by entry, the live ranking with disagreement and stability, the judges' figures, settling a tie at the cut,
 * conflicts, reopening a scorecard, third markers, closing, and the score sheet downloads.
 */
@Named
@ViewScoped
public class RoundBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RoundService rounds;

    @Inject
    private PanelService panel;

    private Long id;
    private String cutOrder;
    private String cutReason;
    private String entryCode;
    private String judge;
    private String reason;

    // Read many times per render; dropped after every action so the page shows what the action changed.
    private transient Round round;
    private transient RoundResult result;
    private transient Map<String, String> judgeNames;
    private transient List<ConflictLine> conflicts;

    public void load() {
        round = NotFound.unless(() -> rounds.find(id == null ? -1 : id));
    }

    public void open() {
        act(() -> rounds.open(id), "round.opened");
    }

    /** Deletes a round still being set up and goes back to the contest's rounds. */
    public String delete() {
        String contest = getRound().getContest().getCode();
        rounds.delete(id);
        FacesFeedback.flashInfo("round.deleted");
        return "/organiser/rounds.xhtml?faces-redirect=true&contest=" + contest;
    }

    public void close() {
        act(() -> rounds.close(id), "round.closed");
    }

    public void orderCut() {
        act(() -> rounds.resolveCut(id, CutDecision.ORDERED, codes(cutOrder), cutReason), "round.cutSettled");
    }

    public void selectAllAtCut() {
        act(() -> rounds.resolveCut(id, CutDecision.SELECT_ALL, List.of(), cutReason), "round.cutSettled");
    }

    public void addConflict() {
        act(() -> panel.addConflict(id, entryCode, judge, reason), "round.conflictAdded");
    }

    public void reopen() {
        act(() -> panel.reopen(id, entryCode, judge, reason), "round.reopened");
    }

    public void addThirdMarkers() {
        act(() -> FacesFeedback.info("round.thirdMarkersAdded", panel.addThirdMarkers(id).size()), null);
    }

    public void remind() {
        act(() -> FacesFeedback.info("round.reminded", panel.remind(id).size()), null);
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        if (doneKey != null) {
            FacesFeedback.info(doneKey);
        }
        round = null;
        result = null;
        conflicts = null;
    }

    private static List<String> codes(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
    }

    public Round getRound() {
        if (round == null && id != null) {
            round = rounds.find(id);
        }
        return round;
    }

    public RoundResult getResult() {
        if (result == null) {
            result = rounds.ranking(id);
        }
        return result;
    }

    public String code(RankedEntry e) {
        return getResult().codes().get(e.entryId());
    }

    /** Stability as a whole percentage, for the ranking table. */
    public long stability(RankedEntry e) {
        Double share = getResult().stability().get(e.entryId());
        return share == null ? 0 : Math.round(share * 100);
    }

    /** As filed with the figures: counted once per committed change, not per view. */
    public RoundService.Progress getProgress() {
        return getResult().progress();
    }

    /** Entry codes with submitted/assigned counts, in code order, as filed; below the minimum is flagged on the page. */
    public List<Map.Entry<String, int[]>> getEntryProgress() {
        return getProgress().entryRows();
    }

    public List<Map.Entry<String, int[]>> getJudgeProgress() {
        return getProgress().judgeRows();
    }

    /** The organiser knows which entry a code stands for; judges never do. Read from the figures every view shares. */
    public String title(String code) {
        String[] label = getResult().labels().get(code);
        return label == null ? null : label[0];
    }

    /** The unit that submitted the entry behind a code (a citizen's: the township named), or null for a citizen's own. */
    public String unit(String code) {
        String[] label = getResult().labels().get(code);
        return label == null ? null : label[1];
    }

    /** A judge's name as the organiser knows them, for the tables that list judges by username. */
    public String judgeName(String username) {
        if (judgeNames == null) {
            judgeNames = new HashMap<>();
            getRound().getJudges().forEach(j -> judgeNames.put(j.getUsername(), j.getDisplayName()));
        }
        String name = judgeNames.get(username);
        return name == null || name.isBlank() || name.equals(username) ? username : name + "（" + username + "）";
    }

    public List<ConflictLine> getConflicts() {
        if (conflicts == null) {
            conflicts = panel.conflicts(id);
        }
        return conflicts;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCutOrder() {
        return cutOrder;
    }

    public void setCutOrder(String cutOrder) {
        this.cutOrder = cutOrder;
    }

    public String getCutReason() {
        return cutReason;
    }

    public void setCutReason(String cutReason) {
        this.cutReason = cutReason;
    }

    public String getEntryCode() {
        return entryCode;
    }

    public void setEntryCode(String entryCode) {
        this.entryCode = entryCode;
    }

    public String getJudge() {
        return judge;
    }

    public void setJudge(String judge) {
        this.judge = judge;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
