package app.laurel.judging;

import app.laurel.platform.api.Versioned;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An entry as a judge sees it: the round's neutral code, title, category, text and files under neutral names
 * (图片1.png, 附件1.pdf) — never the author, the unit, a phone number or an original file name. The contest and
 * round it is scored in are named, since codes such as R1-001 repeat across contests and a judge may sit on several.
 */
public record BlindEntry(long scorecardId, String code, String title, String category, String bodyHtml,
                         List<BlindFile> files, List<CriterionView> criteria, Map<String, BigDecimal> scores,
                         String comment, String status, String contestCode, String contestTitle, long roundId,
                         String roundName, long version) implements Versioned {

    public record BlindFile(long fileId, String name, String mediaType) {
    }

    public record CriterionView(String name, String description, int maxPoints, boolean primary) {
    }
}
