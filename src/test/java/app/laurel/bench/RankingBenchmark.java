package app.laurel.bench;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.Criterion;
import app.laurel.judging.EntryTotals;
import app.laurel.judging.JudgeTotal;
import app.laurel.judging.PanelStatistics;
import app.laurel.judging.Ranker;
import app.laurel.judging.Ranking;
import app.laurel.judging.ScoreSheet;
import app.laurel.judging.ScoreSheetExport;
import app.laurel.judging.Stability;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The judging computations an organiser waits for on the round page, in-process: the ranking, the 1,000-resample
 * stability figure and Kendall's W, and the Excel score sheet, for a county round (200 entries, 7 judges, all
 * scoring all) and a large one (1,000 entries, 15 judges, 3 per entry). Medians of timed runs after a warm-up.
 */
final class RankingBenchmark {

    private static final List<Criterion> RUBRIC = List.of(new Criterion("思想性", 30, true), new Criterion("真实性", 30, false),
            new Criterion("感染力", 20, false), new Criterion("表现力", 20, false));

    private RankingBenchmark() {
    }

    static void run() throws Exception {
        measure("county round, 200 entries x 7 judges (ALL)", sheet(200, 7, 7), 7);
        measure("large round, 1000 entries x 15 judges (3 each)", sheet(1000, 15, 3), 15);
    }

    private static void measure(String what, List<ScoreSheet.Card> cards, int judges) throws Exception {
        List<EntryTotals> totals = ScoreSheet.totals(RUBRIC, cards);
        List<String> panel = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            panel.add("judge" + j);
        }
        Ranking ranking = Ranker.rank(totals, AggregationMethod.TRIMMED_MEAN, 10);
        Map<Long, String> codes = new HashMap<>();
        totals.forEach(t -> codes.put(t.entryId(), "R1-" + t.entryId()));
        ScoreSheet sheet = new ScoreSheet("基准", "初评", AggregationMethod.TRIMMED_MEAN, 10, RUBRIC, panel, cards, ranking, codes);
        System.out.println(what + ":");
        report("  ranking, TRIMMED_MEAN (ms)", () -> Ranker.rank(totals, AggregationMethod.TRIMMED_MEAN, 10), 20);
        report("  ranking, ZSCORE (ms)", () -> Ranker.rank(totals, AggregationMethod.ZSCORE, 10), 20);
        report("  stability, 1,000 resamples (ms)", () -> Stability.topShare(totals, AggregationMethod.TRIMMED_MEAN, 10), 5);
        if (cards.size() == totals.size() * judges) {
            report("  Kendall's W (ms)", () -> PanelStatistics.kendallsW(totals, panel), 20);
        }
        report("  Excel score sheet (ms)", () -> {
            ScoreSheetExport.writeXlsx(sheet, Locale.SIMPLIFIED_CHINESE, OutputStream.nullOutputStream());
            return null;
        }, 5);
    }

    /** Random half-point scores, seeded, every judge on {@code perEntry} consecutive panel places per entry. */
    private static List<ScoreSheet.Card> sheet(int entries, int judges, int perEntry) {
        Random random = new Random(42);
        List<ScoreSheet.Card> cards = new ArrayList<>();
        for (int e = 1; e <= entries; e++) {
            for (int k = 0; k < perEntry; k++) {
                String judge = "judge" + ((e + k) % judges);
                Map<String, Integer> half = new HashMap<>();
                int total = 0;
                for (Criterion c : RUBRIC) {
                    int h = random.nextInt(c.maxPoints() * 2 + 1);
                    half.put(c.name(), h);
                    total += h;
                }
                cards.add(new ScoreSheet.Card(e, "R1-" + e, judge, half, total, true));
            }
        }
        return cards;
    }

    private static void report(String what, java.util.concurrent.Callable<?> work, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.call();
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        millis.sort(Double::compare);
        double median = runs % 2 == 1 ? millis.get(runs / 2) : (millis.get(runs / 2 - 1) + millis.get(runs / 2)) / 2;
        System.out.printf("%-42s median %8.2f   (n=%d)%n", what, median, runs);
    }
}
