package app.laurel.bench;

import app.laurel.publication.CertificateContent;
import app.laurel.publication.CertificateRenderer;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Honour certificates as result day asks for them: the first PDF (which reads the 17 MB 楷体 font), then one
 * after another, and the size of each. In-process; medians after a warm-up.
 */
final class CertificateBenchmark {

    private CertificateBenchmark() {
    }

    static void run() throws Exception {
        long t0 = System.nanoTime();
        int size = render(0);
        System.out.printf("certificate PDF, first (font loaded)        %8.2f ms, %d KB%n", (System.nanoTime() - t0) / 1e6, size / 1024);
        for (int i = 1; i <= 10; i++) {
            render(i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            long t = System.nanoTime();
            render(100 + i);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("certificate PDF, warm                       median %8.2f   (n=%d)%n", millis.get(millis.size() / 2), millis.size());
    }

    private static int render(int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String holder = "欧阳晓燕" + (n % 10);
        CertificateRenderer.render(new CertificateContent("荣誉证书",
                CertificateRenderer.fill("{name}同志：\n　　你的作品《回家的路》在衡阳县“讲述身边的禁毒故事”评选活动中荣获“{award}”称号，特发此证。",
                        java.util.Map.of("name", holder, "award", "衡阳县最美禁毒故事")),
                holder, "回家的路", "衡阳县最美禁毒故事", "衡阳县禁毒委员会", LocalDate.of(2021, 6, 26), "HY2021-7KQ3-M9XA-" + (1000 + n),
                "https://laurel.example/verify/HY2021-7KQ3-M9XA-" + (1000 + n), null, Locale.SIMPLIFIED_CHINESE), out);
        return out.size();
    }
}
