package app.laurel.submission;

import app.laurel.contest.EntryRule;
import app.laurel.contest.EntryType;
import app.laurel.platform.error.FieldError;
import app.laurel.storage.FileKind;

import java.util.ArrayList;
import java.util.List;

/**
 * What an entry must have before it can be submitted, against its contest's rule for its type. Pure: tested
 * without a container; the service calls it on submit, so a draft may be incomplete but a submission never is.
 */
public final class SubmissionChecks {

    private SubmissionChecks() {
    }

    public static List<FieldError> forSubmission(Entry entry, EntryRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (entry.getTitle() == null || entry.getTitle().isBlank()) {
            errors.add(new FieldError("title", "validation.required"));
        }
        if (entry.getCategory() == null) {
            errors.add(new FieldError("category", "validation.required"));
        }
        if (entry.getUnit() != null && (entry.getAuthor() == null || entry.getAuthor().getName() == null)) {
            errors.add(new FieldError("authorName", "validation.required"));
        }
        if (!entry.isOriginalityDeclared()) {
            errors.add(new FieldError("originalityDeclared", "entry.declaration.originality"));
        }
        if (!entry.isDisplayConsent()) {
            errors.add(new FieldError("displayConsent", "entry.declaration.display"));
        }
        if (rule.getEntryType() == EntryType.STORY) {
            checkStory(entry, rule, errors);
        } else {
            checkVideo(entry, rule, errors);
        }
        return errors;
    }

    private static void checkStory(Entry entry, EntryRule rule, List<FieldError> errors) {
        int length = StoryText.countChars(entry.getBodyText());
        if (length < rule.getMinChars() || length > rule.getMaxChars()) {
            errors.add(new FieldError("body", "entry.story.length", rule.getMinChars(), rule.getMaxChars(), length));
        }
        if (entry.files(FileRole.IMAGE).size() > rule.getMaxImages()) {
            errors.add(new FieldError("images", "entry.images.tooMany", rule.getMaxImages()));
        }
        if (!entry.files(FileRole.ATTACHMENT).isEmpty() && !rule.isAttachmentAllowed()) {
            errors.add(new FieldError("attachment", "entry.attachment.notAllowed"));
        }
        if (entry.files(FileRole.ATTACHMENT).size() > 1) {
            errors.add(new FieldError("attachment", "entry.attachment.one"));
        }
    }

    private static void checkVideo(Entry entry, EntryRule rule, List<FieldError> errors) {
        List<EntryFile> videos = entry.files(FileRole.VIDEO);
        if (videos.size() != 1) {
            errors.add(new FieldError("video", "entry.video.one"));
        }
        if (entry.files(FileRole.POSTER).size() > 1) {
            errors.add(new FieldError("poster", "entry.poster.one"));
        }
        for (EntryFile video : videos) {
            errors.addAll(checkVideoFile(video.getFile().getSizeBytes(), video.getFile().getDurationMillis(), rule));
        }
    }

    /** A video against the rule: size, and duration when the rule has a window. Used on attach and on submit. */
    public static List<FieldError> checkVideoFile(long sizeBytes, Long durationMillis, EntryRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (sizeBytes > rule.getMaxVideoBytes()) {
            errors.add(new FieldError("video", "entry.video.tooLarge", rule.getMaxVideoBytes() / (1024 * 1024)));
        }
        if (rule.getMinSeconds() != null || rule.getMaxSeconds() != null) {
            if (durationMillis == null) {
                errors.add(new FieldError("video", "entry.video.durationUnknown"));
            } else if (!rule.acceptsDuration(durationMillis)) {
                errors.add(new FieldError("video", "entry.video.duration", minutes(rule.getMinSeconds()),
                        minutes(rule.getMaxSeconds()), String.format("%.1f", durationMillis / 60000.0)));
            }
        }
        return errors;
    }

    /** Which kind of file each role takes. */
    public static FileKind kindFor(FileRole role) {
        return switch (role) {
            case IMAGE, POSTER -> FileKind.IMAGE;
            case ATTACHMENT -> FileKind.DOCUMENT;
            case VIDEO -> FileKind.VIDEO;
        };
    }

    /** The form field a role's files belong to, so a refusal of such a file stands beside its upload box. */
    public static String field(FileRole role) {
        return switch (role) {
            case IMAGE -> "images";
            case ATTACHMENT -> "attachment";
            case VIDEO -> "video";
            case POSTER -> "poster";
        };
    }

    private static String minutes(Integer seconds) {
        return seconds == null ? "-" : String.format("%.1f", seconds / 60.0);
    }
}
