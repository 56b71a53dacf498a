package app.laurel.submission.api;

import app.laurel.platform.api.Versioned;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryFile;

import java.time.Instant;
import java.util.List;

/**
 * An entry as its owner sees it through the API, with the receipt: number, time, and each file's SHA-256 so the
 * owner can prove later exactly what they submitted. {@code revision}: how many times it was submitted (2 and more:
 * corrected under the same receipt number; the versions are at {@code /entries/{id}/versions}).
 */
public record EntryJson(long id, String contest, String type, String status, String statusReason, Long categoryId,
                        String category, String title, String bodyHtml, String authorName, String unit, Long unitId, String township, Long townshipId,
                        boolean recommended,
                        boolean originalityDeclared, boolean displayConsent, String receiptNo, Instant submittedAt,
                        List<FileJson> files, int revision, long version) implements Versioned {

    /** {@code damaged}: judges cannot open the file (found so after it was accepted); the author must send another. */
    public record FileJson(long id, String role, String originalName, String mediaType, long sizeBytes, String sha256,
                           Long durationMillis, Integer width, Integer height, boolean damaged) {
        static FileJson of(EntryFile f) {
            return new FileJson(f.getFile().getId(), f.getRole().name(), f.getFile().getOriginalName(),
                    f.getFile().getMediaType(), f.getFile().getSizeBytes(), f.getFile().getSha256(),
                    f.getFile().getDurationMillis(), f.getFile().getWidth(), f.getFile().getHeight(), f.getFile().isDamaged());
        }
    }

    public static EntryJson of(Entry e) {
        return new EntryJson(e.getId(), e.getContest().getCode(), e.getEntryType().name(), e.getStatus().name(),
                e.getStatusReason(), e.getCategory() == null ? null : e.getCategory().getId(),
                e.getCategory() == null ? null : e.getCategory().getName(), e.getTitle(), e.getBodyHtml(),
                e.getAuthor() == null ? null : e.getAuthor().getName(),
                e.getUnit() == null ? null : e.getUnit().getName(), e.getUnit() == null ? null : e.getUnit().getId(),
                e.getTownship() == null ? null : e.getTownship().getName(), e.getTownship() == null ? null : e.getTownship().getId(),
                e.isRecommended(), e.isOriginalityDeclared(),
                e.isDisplayConsent(), e.getReceiptNo(), e.getSubmittedAt(),
                e.getFiles().stream().map(FileJson::of).toList(), e.getRevision(), e.getVersion());
    }
}
