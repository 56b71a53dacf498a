package app.laurel.publication.api;

import app.laurel.publication.ObjectionForm;
import app.laurel.publication.ObjectionService;
import app.laurel.storage.UploadService;
import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An objection sent as multipart/form-data, as a browser form or {@code curl -F} sends it: the fields of the JSON
 * variant as text parts, the evidence as file parts. Each file is spooled to a temporary file (never held in
 * memory) so that its length is known before the service checks it; one larger than the evidence limit is cut
 * just past the limit, enough for the service to refuse it with its own message. The temporary files go when
 * this is closed; what is kept is only what the service stores.
 */
final class ObjectionParts implements AutoCloseable {

    private final Map<String, String> fields = new HashMap<>();
    private final List<Path> spooled = new ArrayList<>();
    private final List<ObjectionService.Evidence> evidence = new ArrayList<>();

    private ObjectionParts() {
    }

    static ObjectionParts read(List<EntityPart> parts) {
        ObjectionParts read = new ObjectionParts();
        try {
            for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
                if (part.getFileName().isPresent() || "evidence".equals(part.getName())) {
                    read.spool(part);
                } else {
                    read.fields.put(part.getName(), text(part));
                }
            }
            return read;
        } catch (IOException e) {
            read.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            read.close();
            throw e;
        }
    }

    ObjectionForm form() {
        return new ObjectionForm(fields.get("realName"), fields.get("phone"), fields.get("contact"), fields.get("entry"),
                fields.get("reasons"));
    }

    List<ObjectionService.Evidence> evidence() {
        return evidence;
    }

    private void spool(EntityPart part) throws IOException {
        Path file = Files.createTempFile("objection-", ".part");
        spooled.add(file);
        long length;
        try (InputStream in = part.getContent(); OutputStream out = Files.newOutputStream(file)) {
            length = copyAtMost(in, out, UploadService.MAX_EVIDENCE_BYTES + 1);
        }
        if (length == 0 && part.getFileName().filter(n -> !n.isBlank()).isEmpty()) {
            return; // skipped like the web form does: an empty file input is what a form sends when nothing was chosen
        }
        evidence.add(new ObjectionService.Evidence(fileName(part), length, Files.newInputStream(file)));
    }

    /**
     * Browsers and curl send a file's name as raw UTF-8, which the multipart reader gives back as ISO-8859-1
     * characters; such a name is decoded again. A part without a name is named after its field.
     */
    private static String fileName(EntityPart part) {
        String name = part.getFileName().filter(n -> !n.isBlank()).orElse(part.getName());
        if (name.chars().allMatch(c -> c < 0x100) && name.chars().anyMatch(c -> c >= 0x80)) {
            String decoded = new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (!decoded.contains("\uFFFD")) {
                return decoded;
            }
        }
        return name;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while (copied < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) > 0) {
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    /** Form fields come without a charset from browsers and curl alike; they send UTF-8. */
    private static String text(EntityPart part) throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        String declared = part.getMediaType().getParameters().get("charset");
        if (declared != null && Charset.isSupported(declared)) {
            charset = Charset.forName(declared);
        }
        try (InputStream in = part.getContent()) {
            return new String(in.readNBytes(64 * 1024), charset);
        }
    }

    @Override
    public void close() {
        for (ObjectionService.Evidence e : evidence) {
            try {
                e.content().close();
            } catch (IOException ignored) {
                // the file is deleted next anyway
            }
        }
        for (Path file : spooled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up
            }
        }
    }
}
