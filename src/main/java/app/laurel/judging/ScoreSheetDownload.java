package app.laurel.judging;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes a score sheet as an Excel or CSV download, with a file name that keeps its Chinese in every browser. */
public final class ScoreSheetDownload {

    private ScoreSheetDownload() {
    }

    public static void send(ScoreSheet sheet, String format, Locale locale, HttpServletResponse response) throws IOException {
        boolean excel = "xlsx".equals(format);
        String name = sheet.contestTitle() + "-" + sheet.roundName() + (excel ? ".xlsx" : ".csv");
        response.setContentType(excel ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"scores." + format + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "no-store");
        if (excel) {
            ScoreSheetExport.writeXlsx(sheet, locale, response.getOutputStream());
        } else {
            ScoreSheetExport.writeCsv(sheet, locale, response.getOutputStream());
        }
    }
}
