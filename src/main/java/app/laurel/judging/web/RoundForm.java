package app.laurel.judging.web;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.RoundRules;
import app.laurel.judging.Rubric;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the round set-up form holds between requests; the service checks it. */
public class RoundForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable rubric line. */
    public static class CriterionRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String description;
        private Integer maxPoints;

        public CriterionRow() {
        }

        CriterionRow(String name, String description, int maxPoints) {
            this.name = name;
            this.description = description;
            this.maxPoints = maxPoints;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getMaxPoints() {
            return maxPoints;
        }

        public void setMaxPoints(Integer maxPoints) {
            this.maxPoints = maxPoints;
        }
    }

    private String name;
    private Long categoryId;
    private Long fromRound;
    private Integer top;
    private AssignmentMode mode = AssignmentMode.ALL;
    private Integer judgesPerEntry = RoundRules.DEFAULT_JUDGES_PER_ENTRY;
    private AggregationMethod method = AggregationMethod.TRIMMED_MEAN;
    private Integer minScores = RoundRules.DEFAULT_MIN_SCORES;
    private Integer disagreementPct = RoundRules.DEFAULT_DISAGREEMENT_PCT;
    private Integer selectCount;
    private Integer commentBelow;
    private Integer commentAbove;
    private Integer primary = 0;
    private List<String> judges = new ArrayList<>();
    private final List<CriterionRow> criteria = new ArrayList<>();

    /** Starts the rubric with the one the service gives a round left without criteria, in the organiser's language. */
    RoundForm(Locale locale) {
        for (Criterion criterion : Rubric.standard(locale).criteria()) {
            criteria.add(new CriterionRow(criterion.name(), criterion.description(), criterion.maxPoints()));
        }
    }

    /** Keeps the primary criterion on the same line when a line above it is removed; removing it picks none. */
    void remove(int index) {
        criteria.remove(index);
        if (primary != null && primary == index) {
            primary = null;
        } else if (primary != null && primary > index) {
            primary--;
        }
    }

    /** Whether line {@code index} is the one picked as primary. */
    boolean isPrimary(int index) {
        return primary != null && primary == index;
    }

    public List<CriterionRow> getCriteria() {
        return criteria;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Long getFromRound() {
        return fromRound;
    }

    public void setFromRound(Long fromRound) {
        this.fromRound = fromRound;
    }

    public Integer getTop() {
        return top;
    }

    public void setTop(Integer top) {
        this.top = top;
    }

    public AssignmentMode getMode() {
        return mode;
    }

    public void setMode(AssignmentMode mode) {
        this.mode = mode;
    }

    public Integer getJudgesPerEntry() {
        return judgesPerEntry;
    }

    public void setJudgesPerEntry(Integer judgesPerEntry) {
        this.judgesPerEntry = judgesPerEntry;
    }

    public AggregationMethod getMethod() {
        return method;
    }

    public void setMethod(AggregationMethod method) {
        this.method = method;
    }

    public Integer getMinScores() {
        return minScores;
    }

    public void setMinScores(Integer minScores) {
        this.minScores = minScores;
    }

    public Integer getDisagreementPct() {
        return disagreementPct;
    }

    public void setDisagreementPct(Integer disagreementPct) {
        this.disagreementPct = disagreementPct;
    }

    public Integer getSelectCount() {
        return selectCount;
    }

    public void setSelectCount(Integer selectCount) {
        this.selectCount = selectCount;
    }

    public Integer getCommentBelow() {
        return commentBelow;
    }

    public void setCommentBelow(Integer commentBelow) {
        this.commentBelow = commentBelow;
    }

    public Integer getCommentAbove() {
        return commentAbove;
    }

    public void setCommentAbove(Integer commentAbove) {
        this.commentAbove = commentAbove;
    }

    /** The line of the primary criterion, picked from the rubric's own lines (not typed). */
    public Integer getPrimary() {
        return primary;
    }

    public void setPrimary(Integer primary) {
        this.primary = primary;
    }

    public List<String> getJudges() {
        return judges;
    }

    public void setJudges(List<String> judges) {
        this.judges = judges;
    }
}
