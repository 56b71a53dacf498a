package app.laurel.submission.web;

import app.laurel.contest.Contest;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.QuotaLine;
import app.laurel.submission.RecommendationService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /unit/recommend.xhtml?contest=HY2021}: a township's pre-selection (摸底推选) and its quota. Without a
 * contest, the contests the unit is enrolled in to choose from; a contest it is not in is a 404. The quota state
 * names what is recommended ("已推选 1/1：《…》 更换"); when it is full, 推选 is off and says why, and 更换 chooses
 * which recommended entry makes way: the others then offer "换成这篇".
 */
@Named
@ViewScoped
public class RecommendBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RecommendationService recommendations;

    private String contestCode;
    /** The recommended entry the clerk chose to swap out (更换), until they pick its replacement or cancel. */
    private Long swapOut;
    private transient List<Entry> candidates;
    private transient QuotaLine quota;
    private transient List<Contest> contests;

    public void load() {
        if (!isContestChosen()) {
            return;
        }
        NotFound.unless(() -> {
            getQuota();
            return getCandidates();
        });
    }

    public boolean isContestChosen() {
        return contestCode != null && !contestCode.isBlank();
    }

    public List<Contest> getContests() {
        if (contests == null) {
            contests = recommendations.myContests();
        }
        return contests;
    }

    public List<Entry> getCandidates() {
        if (candidates == null) {
            candidates = recommendations.candidates(contestCode);
        }
        return candidates;
    }

    public QuotaLine getQuota() {
        if (quota == null) {
            quota = recommendations.myQuota(contestCode);
        }
        return quota;
    }

    public List<Entry> getRecommended() {
        return getCandidates().stream().filter(Entry::isRecommended).toList();
    }

    /** 推选 is off when the quota is full and no swap is under way (the service refuses it all the same). */
    public boolean isFull() {
        return getQuota().isFull() && swapOut == null;
    }

    public void startSwap(long entryId) {
        swapOut = entryId;
    }

    public void cancelSwap() {
        swapOut = null;
    }

    public void swapIn(long entryId) {
        Long out = swapOut;
        if (out == null) {
            recommend(entryId);
            return;
        }
        act(() -> recommendations.swap(out, entryId), "recommend.swapped");
        swapOut = null;
    }

    public Long getSwapOut() {
        return swapOut;
    }

    /** The title of the entry being swapped out, for the prompt. */
    public String getSwapOutTitle() {
        return swapOut == null ? null : getCandidates().stream().filter(e -> e.getId().equals(swapOut))
                .map(Entry::getTitle).findFirst().orElse(null);
    }

    public void recommend(long entryId) {
        act(() -> recommendations.recommend(entryId), "recommend.done");
    }

    public void withdraw(long entryId) {
        act(() -> recommendations.withdrawRecommendation(entryId), "recommend.withdrawn");
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        candidates = null;
        quota = null;
        FacesFeedback.info(doneKey);
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }
}
