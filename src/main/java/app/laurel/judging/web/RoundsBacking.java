package app.laurel.judging.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Account;
import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.Round;
import app.laurel.judging.RoundRules;
import app.laurel.judging.RoundService;
import app.laurel.judging.RoundSource;
import app.laurel.judging.Rubric;
import app.laurel.platform.i18n.LanguageBacking;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code /organiser/rounds.xhtml?contest=HY2021}: the contest's rounds, and setting up a new one. The rubric
 * starts as the four criteria county contests use (思想性 30, 真实性 30, 感染力 20, 表现力 20), editable.
 */
@Named
@ViewScoped
public class RoundsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RoundService rounds;

    @Inject
    private ContestService contests;

    private String contestCode;
    @Inject
    private LanguageBacking language;

    private RoundForm form;
    private transient List<Round> list;
    private transient Contest contest;
    private transient List<Account> judges;
    private transient Integer poolSize;

    public void addCriterion() {
        getForm().getCriteria().add(new RoundForm.CriterionRow());
    }

    public void removeCriterion(int index) {
        if (getForm().getCriteria().size() > 1) {
            getForm().remove(index);
        }
    }

    /** The primary criterion's choices: the rubric's lines as typed so far, by position. */
    public List<Choice> getPrimaryChoices() {
        List<RoundForm.CriterionRow> rows = getForm().getCriteria();
        return IntStream.range(0, rows.size()).mapToObj(i -> new Choice(i,
                rows.get(i).getName() == null || rows.get(i).getName().isBlank()
                        ? Messages.text(language.getLocale(), "rounds.primary.unnamed", i + 1)
                        : rows.get(i).getName().strip())).toList();
    }

    /** One line of the rubric as the primary criterion's list shows it. */
    public record Choice(int index, String label) implements Serializable {
    }

    public String create() {
        List<RoundForm.CriterionRow> rows = getForm().getCriteria();
        Rubric rubric = Rubric.checked(() -> IntStream.range(0, rows.size()).mapToObj(i -> Criterion.typed(
                rows.get(i).getName(), rows.get(i).getDescription(), rows.get(i).getMaxPoints(), getForm().isPrimary(i))).toList());
        RoundRules rules = new RoundRules(getForm().getName(), getForm().getMode(),
                getForm().getJudgesPerEntry(), getForm().getMethod(),
                getForm().getMinScores(), getForm().getDisagreementPct(), getForm().getSelectCount(), rubric,
                getForm().getCommentBelow(), getForm().getCommentAbove());
        RoundSource source = getForm().getFromRound() != null ? new RoundSource(null, getForm().getFromRound(), getForm().getTop())
                : new RoundSource(getForm().getCategoryId(), null, null);
        Round round = rounds.create(contestCode, source, rules, getForm().getJudges());
        FacesFeedback.flashInfo("rounds.created");
        return "/organiser/round.xhtml?faces-redirect=true&id=" + round.getId();
    }

    public List<Round> getList() {
        if (list == null) {
            list = rounds.rounds(contestCode);
        }
        return list;
    }

    /** Closed rounds, whose top N a new round can take. */
    public List<Round> getClosedRounds() {
        return getList().stream().filter(r -> r.getStatus().name().equals("CLOSED")).toList();
    }

    public List<Account> getJudgeAccounts() {
        if (judges == null) {
            judges = rounds.judges();
        }
        return judges;
    }

    /** How many accepted entries a round on all of them would take, for the 评选数量 hint. */
    public int getPoolSize() {
        if (poolSize == null) {
            poolSize = rounds.poolSize(contestCode);
        }
        return poolSize;
    }

    public Contest getContest() {
        if (contest == null) {
            contest = contests.byCode(contestCode);
        }
        return contest;
    }

    public AssignmentMode[] getModes() {
        return AssignmentMode.values();
    }

    public AggregationMethod[] getMethods() {
        return AggregationMethod.values();
    }

    public RoundForm getForm() {
        if (form == null) {
            form = new RoundForm(language.getLocale());
        }
        return form;
    }

    /** An unknown contest in the address is "not found", not an error page. */
    public void load() {
        NotFound.unless(() -> contests.byCode(contestCode));
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }
}
