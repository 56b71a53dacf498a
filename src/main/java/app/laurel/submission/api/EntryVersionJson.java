package app.laurel.submission.api;

import app.laurel.submission.EntryVersion;

import java.time.Instant;
import java.util.List;

/** One submitted version of an entry, with its files as they were then (name, size, SHA-256). */
public record EntryVersionJson(int number, String title, Instant submittedAt, List<VersionFileJson> files) {

    public record VersionFileJson(long fileId, String role, String originalName, long sizeBytes, String sha256) {
    }

    static EntryVersionJson of(EntryVersion v) {
        return new EntryVersionJson(v.getNumber(), v.getTitle(), v.getSubmittedAt(), v.getFiles().stream()
                .map(f -> new VersionFileJson(f.getFileId(), f.getRole().name(), f.getOriginalName(), f.getSizeBytes(), f.getSha256()))
                .toList());
    }
}
