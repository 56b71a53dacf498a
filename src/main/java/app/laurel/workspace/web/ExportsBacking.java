package app.laurel.workspace.web;

import app.laurel.contest.Contest;
import app.laurel.judging.Round;
import app.laurel.judging.RoundService;
import app.laurel.judging.RoundStatus;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.ExportService;
import app.laurel.submission.FileSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/exports.xhtml?code=HY2021}: every export of one contest on one page of the workspace, each a link
 * to its REST download (entries, quota status, each round's score sheet, the files as ZIP with their count and size,
 * the prize list). The page holds no state: the downloads are GETs, and the ZIP's progress bar asks the API.
 * Here rather than in a feature because it gathers the exports of several.
 */
@Named
@RequestScoped
public class ExportsBacking {

    @Inject
    private ExportService exports;

    @Inject
    private RoundService rounds;

    private String code;
    private Contest contest;
    private List<Round> scored;
    private Map<FileSelection, ExportService.ZipSize> sizes;

    /** An unknown contest in the address is "not found", not an error page. */
    public void load() {
        contest = NotFound.unless(() -> exports.contest(code));
    }

    public Contest getContest() {
        return contest;
    }

    /** Rounds that have scores to export: open or closed, not those still being set up. */
    public List<Round> getRounds() {
        if (scored == null) {
            scored = rounds.rounds(code).stream().filter(r -> r.getStatus() != RoundStatus.SETUP).toList();
        }
        return scored;
    }

    public FileSelection[] getSelections() {
        return FileSelection.values();
    }

    /** What each ZIP would hold, so the organiser knows before starting a download of gigabytes. */
    public ExportService.ZipSize zip(FileSelection selection) {
        if (sizes == null) {
            sizes = new EnumMap<>(FileSelection.class);
            for (FileSelection s : FileSelection.values()) {
                sizes.put(s, exports.zipSize(code, s));
            }
        }
        return sizes.get(selection);
    }

    /** A ZIP's size as the page writes it: KB below a megabyte (a small ZIP is not "0.0 MB"), else MB to one decimal. */
    public String size(long bytes) {
        return bytes < 1048576 ? (bytes + 1023) / 1024 + " KB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Where the contest's exports are served: {@code /laurel/api/v1/contests/HY2021/exports}. */
    public String getApi() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/contests/"
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/exports";
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
