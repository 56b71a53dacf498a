package app.laurel.publication;

import app.laurel.judging.Criterion;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.pdf.CertificateFont;
import app.laurel.platform.time.Clocks;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sets a {@link ResultsReport} as an A4 PDF in the project's own CJK face ({@link CertificateFont}), in Chinese or
 * English: method, ranking, ties, the panel's agreement and leniency in plain words, the notice and its objections,
 * and a block for the judges', the supervisor's and the organiser's signatures. Pure: no container, no database.
 */
public final class ResultsReportPdf {

    private static final float TITLE_SIZE = 20;
    private static final float SUBTITLE_SIZE = 13;
    private static final float SIGNATURE_ROW = 30;
    private static final double WEAK_STABILITY = 0.8;
    private static final double HIGH_W = 0.7;
    private static final double MIDDLE_W = 0.4;
    /** A judge whose leniency reaches this share of the rubric's maximum is called lenient or harsh. */
    private static final BigDecimal LENIENCY_SHARE = new BigDecimal("0.05");

    private ResultsReportPdf() {
    }

    /** Writes the report to {@code out}, which stays open. */
    public static void write(ResultsReport report, Locale requested, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Locale locale = Messages.supported(requested);
        try (PDDocument document = new PDDocument()) {
            CertificateFont.use(document, font -> {
                Writer writer = new Writer(report, locale, new ReportPages(document, font,
                        Messages.text(locale, "report.pdf.header", report.contestTitle())));
                writer.all();
                writer.pages.finish((page, of) -> Messages.text(locale, "report.pdf.page", page, of));
                PDDocumentInformation information = new PDDocumentInformation();
                information.setTitle(Messages.text(locale, "report.pdf.header", report.contestTitle()));
                information.setCreator("Laurel");
                document.setDocumentInformation(information);
                document.getDocumentCatalog().setLanguage(locale.toLanguageTag());
                document.save(out);
            });
        }
    }

    /** One report being set: the sections in order. */
    private static final class Writer {
        private final ResultsReport report;
        private final Locale locale;
        private final ReportPages pages;
        private final DateTimeFormatter time;

        Writer(ResultsReport report, Locale locale, ReportPages pages) {
            this.report = report;
            this.locale = locale;
            this.pages = pages;
            this.time = DateTimeFormatter.ofPattern(text("report.pdf.dateTime"), locale).withZone(Clocks.ZONE);
        }

        void all() throws IOException {
            front();
            method();
            ranking();
            ties();
            panel();
            notice();
            signatures();
        }

        private void front() throws IOException {
            pages.title(text("report.pdf.title"), TITLE_SIZE);
            pages.title(report.contestTitle(), SUBTITLE_SIZE);
            pages.gap(8);
            if (present(report.organisingBody())) {
                pages.paragraph(text("report.pdf.organiser", report.organisingBody()));
            }
            if (present(report.undertakingBody())) {
                pages.paragraph(text("report.pdf.undertaker", report.undertakingBody()));
            }
            ResultsReport.RoundPart round = report.round();
            pages.paragraph(text("report.pdf.round", round.name(), round.closedAt() == null ? "" : time.format(round.closedAt())));
            pages.paragraph(text("report.pdf.generated", time.format(report.generatedAt())));
        }

        private void method() throws IOException {
            pages.heading(text("report.pdf.method"));
            for (ResultsReport.RoundPart round : report.rounds()) {
                pages.paragraph(text("report.pdf.roundName", round.sequenceNo(), round.name()), ReportPages.TEXT_SIZE + 0.5f);
                pages.paragraph(text("report.pdf.entries", round.entries(), round.selectCount(), round.minScores()));
                pages.paragraph(text("report.pdf.mode." + round.mode(), round.judgesPerEntry() == null ? 0 : round.judgesPerEntry()));
                pages.paragraph(text("report.pdf.method." + round.method()));
                pages.paragraph(text("report.pdf.criteria", maxPoints(round.criteria()), criteria(round.criteria())));
                pages.paragraph(text("report.pdf.judges", round.judges().size(), String.join(text("report.pdf.separator"), round.judges())));
                pages.gap(4);
            }
            pages.paragraph(text("report.pdf.tieBreak", report.primaryCriterion()));
        }

        private String criteria(List<Criterion> criteria) {
            int max = maxPoints(criteria);
            List<String> parts = new ArrayList<>();
            for (Criterion c : criteria) {
                parts.add(text("report.pdf.criterion", c.name(), c.maxPoints(), Math.round(c.maxPoints() * 100.0 / max))
                        + (c.primary() ? text("report.pdf.primary") : ""));
            }
            return String.join(text("report.pdf.separator"), parts);
        }

        private void ranking() throws IOException {
            pages.heading(text("report.pdf.ranking"));
            long selected = report.rows().stream().filter(ResultsReport.Row::selected).count();
            pages.paragraph(text("report.pdf.ranked", report.ranked(), selected));
            if (report.rows().size() < report.ranked()) {
                pages.paragraph(text("report.pdf.rankedPart", report.rows().size()));
            }
            List<List<String>> rows = new ArrayList<>();
            for (ResultsReport.Row row : report.rows()) {
                String score = row.rescaled() == null ? row.score().toPlainString()
                        : text("report.pdf.rescaled", row.score().toPlainString(), row.rescaled().toPlainString());
                rows.add(List.of(String.valueOf(row.rank()), row.code(), nonNull(row.receiptNo()), nonNull(row.title()),
                        nonNull(row.unit()), score, percent(row.stability()), note(row)));
            }
            pages.table(List.of(column("rank", 0.55f), column("code", 0.9f), column("receipt", 1.5f), column("title", 2.0f),
                    column("unit", 1.3f), column("score", 0.9f), column("stability", 0.95f), column("note", 1.4f)), rows, 0);
        }

        /** Selected, or what the notice did instead: removed after an upheld objection, or promoted in its place. */
        private String note(ResultsReport.Row row) {
            if (row.mark() != ResultsReport.NoticeMark.NONE) {
                return text("report.pdf.note." + row.mark());
            }
            return row.selected() ? text("report.pdf.note.selected") : "";
        }

        private void ties() throws IOException {
            pages.heading(text("report.pdf.ties"));
            ResultsReport.Cut cut = report.cut();
            if (cut == null) {
                pages.paragraph(text("report.pdf.cut.none"));
            } else {
                pages.paragraph(text("report.pdf.cut." + cut.decision(), cut.codes().size(),
                        String.join(text("report.pdf.separator"), cut.codes()), cut.reason()));
            }
            Map<Integer, List<String>> shared = new LinkedHashMap<>();
            for (ResultsReport.Row row : report.rows()) {
                shared.computeIfAbsent(row.rank(), k -> new ArrayList<>()).add(row.code());
            }
            List<String> groups = new ArrayList<>();
            shared.forEach((rank, codes) -> {
                if (codes.size() > 1 && (cut == null || !cut.codes().containsAll(codes))) {
                    groups.add(text("report.pdf.sharedRank", rank, String.join(text("report.pdf.separator"), codes)));
                }
            });
            pages.paragraph(groups.isEmpty() ? text("report.pdf.shared.none")
                    : text("report.pdf.shared", String.join(text("report.pdf.groupSeparator"), groups)));
        }

        private void panel() throws IOException {
            pages.heading(text("report.pdf.panel"));
            Double w = report.kendallsW();
            if (w == null) {
                pages.paragraph(text("report.pdf.kendall.none"));
            } else {
                String reading = w >= HIGH_W ? "high" : w >= MIDDLE_W ? "middle" : "low";
                pages.paragraph(text("report.pdf.kendall", kendall(w), text("report.pdf.kendall." + reading)));
            }
            pages.paragraph(text("report.pdf.stability"));
            List<String> weak = report.rows().stream()
                    .filter(r -> r.selected() && r.stability() != null && r.stability() < WEAK_STABILITY)
                    .map(r -> r.code() + " " + percent(r.stability())).toList();
            pages.paragraph(weak.isEmpty() ? text("report.pdf.stability.firm")
                    : text("report.pdf.stability.weak", String.join(text("report.pdf.separator"), weak)));
            pages.paragraph(text("report.pdf.leniency"));
            BigDecimal threshold = LENIENCY_SHARE.multiply(BigDecimal.valueOf(report.rubricMaxPoints()));
            List<List<String>> rows = new ArrayList<>();
            for (ResultsReport.JudgeLine judge : report.judges()) {
                String reading = judge.leniency().compareTo(threshold) >= 0 ? "lenient"
                        : judge.leniency().compareTo(threshold.negate()) <= 0 ? "harsh" : "even";
                rows.add(List.of(judge.name(), String.valueOf(judge.scored()), judge.mean().toPlainString(),
                        judge.sd().toPlainString(), signed(judge.leniency()) + " " + text("report.pdf." + reading)));
            }
            if (report.rows().stream().anyMatch(r -> r.mark() == ResultsReport.NoticeMark.DISQUALIFIED)) {
                // The round's figures are computed over the entries still in play (RoundService.ranking).
                pages.paragraph(text("report.pdf.panel.inPlay"));
            }
            pages.table(List.of(column("judge", 1.6f), column("scored", 0.9f), column("mean", 0.9f), column("sd", 0.9f),
                    column("leniency", 1.2f)), rows, 0);
        }

        private void notice() throws IOException {
            pages.heading(text("report.pdf.notice"));
            ResultsReport.NoticePart notice = report.notice();
            if (notice == null) {
                pages.paragraph(text("report.pdf.notice.none"));
                return;
            }
            pages.paragraph(text("report.pdf.notice.title", notice.title()));
            pages.paragraph(text("report.pdf.notice.period", time.format(notice.startsAt()), time.format(notice.endsAt()),
                    text("noticePhase." + notice.phase())));
            List<ResultsReport.ObjectionLine> objections = notice.objections();
            if (objections.isEmpty()) {
                pages.paragraph(text("report.pdf.objections.none"));
            } else {
                pages.paragraph(text("report.pdf.objections", objections.size(), count(objections, ObjectionStatus.UPHELD),
                        count(objections, ObjectionStatus.DISMISSED), count(objections, ObjectionStatus.RECEIVED)));
                List<List<String>> rows = new ArrayList<>();
                for (ResultsReport.ObjectionLine o : objections) {
                    String finding = nonNull(o.investigation()) + (present(o.reply()) ? "\n" + text("report.pdf.reply", o.reply()) : "");
                    rows.add(List.of(o.receiptNo(), (o.entryCode() == null ? "" : o.entryCode() + " ") + nonNull(o.entryTitle()),
                            time.format(o.filedAt()), text("objectionStatus." + o.status()), finding));
                }
                pages.table(List.of(column("objection", 1.5f), column("entry", 1.6f), column("filed", 1.2f),
                        column("outcome", 1.1f), column("finding", 2.8f)), rows, 0);
            }
            for (String correction : notice.corrections()) {
                pages.paragraph(text("report.pdf.correction", correction));
            }
            if (present(notice.resultText())) {
                pages.paragraph(text("report.pdf.result", notice.resultText()));
            }
        }

        private void signatures() throws IOException {
            pages.heading(text("report.pdf.signatures"));
            pages.paragraph(text("report.pdf.signatures.text"));
            List<List<String>> rows = report.round().judges().stream().map(name -> List.of(name, "", "")).toList();
            pages.table(List.of(column("judge", 1.4f), column("signature", 2.2f), column("date", 1.4f)), rows, SIGNATURE_ROW);
            pages.gap(10);
            pages.paragraph(text("report.pdf.supervisor"));
            pages.gap(10);
            pages.paragraph(text("report.pdf.seal", present(report.organisingBody()) ? report.organisingBody() : ""));
        }

        private ReportPages.Column column(String key, float share) {
            return new ReportPages.Column(text("report.pdf.col." + key), share);
        }

        private String text(String key, Object... args) {
            return Messages.text(locale, key, args);
        }
    }

    /** Kendall's W as the round page prints it ({@code 0.00}, rounded half even as MessageFormat does). */
    static String kendall(double w) {
        return new java.text.DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(w);
    }

    private static long count(List<ResultsReport.ObjectionLine> objections, ObjectionStatus status) {
        return objections.stream().filter(o -> o.status() == status).count();
    }

    private static int maxPoints(List<Criterion> criteria) {
        return Math.max(1, criteria.stream().mapToInt(Criterion::maxPoints).sum());
    }

    private static String percent(Double share) {
        return share == null ? "" : Math.round(share * 100) + "%";
    }

    private static String signed(BigDecimal value) {
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
