package app.laurel.campaign;

import java.time.Instant;
import java.util.List;

/** One unit's standing in a campaign, as its one-page PDF summary prints it. */
public record UnitSummary(String campaignTitle, String documentNo, String unitName, List<ProgressMatrix.Column> tasks,
                          ProgressMatrix.Line line, List<DocumentKind> documents, Instant asOf) {
}
