package app.laurel.submission.web;

import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.RecommendationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /unit/candidate.xhtml?contest=HY2021&id=7}: a citizen's entry that names the clerk's township, read in
 * full (text, pictures, video) before it is recommended. Any other entry is a 404, as the service decides.
 */
@Named
@RequestScoped
public class CandidateBacking {

    @Inject
    private RecommendationService recommendations;

    private String contestCode;
    private Long id;
    private Entry entry;

    public void load() {
        if (id == null || contestCode == null) {
            NotFound.answer();
            return;
        }
        entry = NotFound.unless(() -> recommendations.candidate(contestCode, id));
    }

    public Entry getEntry() {
        return entry;
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
