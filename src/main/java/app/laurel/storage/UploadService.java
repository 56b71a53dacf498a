package app.laurel.storage;

import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Uploads, streamed to disk and never held in memory, resumable: a client declares name and length, sends the
 * bytes in as many pieces as its connection allows, asks where it stands after a drop, and goes on from there.
 * When the last byte arrives the file is checked ({@link FileInspector}: Tika decides its type from the bytes, which
 * the name must agree with, reads it, finds no active content, and a judges' copy without metadata must be
 * possible: {@link MetadataStripper#check}; bounded in time and stack), moved into storage
 * under a generated name and recorded. A refused file is deleted at once: nothing is left behind.
 */
@Stateless
@RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.ORGANISER, Roles.ADMIN, Roles.JUDGE})
public class UploadService {

    /** The largest file accepted at all; entry rules set lower limits per kind (a contest's video limit). */
    public static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;
    public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    public static final long MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;
    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;
    /** Owns evidence sent without an account (created by migration V6, disabled). */
    public static final String EVIDENCE_OWNER = "public-objections";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object DECLARING = new Object();
    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", ".jpg", "image/png", ".png",
            "image/gif", ".gif", "image/webp", ".webp", "application/pdf", ".pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
            "video/mp4", ".mp4", "video/quicktime", ".mov", "video/x-m4v", ".m4v", "video/webm", ".webm");

    @Inject
    private FileStore store;

    @Inject
    private FileInspector inspector;

    @Inject
    private UploadDigests digests;

    @Inject
    private AccountRepository accounts;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private LaurelConfig config;

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private CurrentCaller caller;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public UploadStatus begin(String fileName, long length) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("fileName", "upload.fileName");
        }
        if (length == 0) {
            throw InvalidInputException.of("length", "upload.empty");
        }
        if (length < 0) {
            throw InvalidInputException.of("length", "upload.lengthInvalid");
        }
        if (length > MAX_BYTES) {
            throw InvalidInputException.of("length", "upload.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String id = newId();
        String owner = uploader();
        Properties meta = new Properties();
        meta.setProperty("owner", owner);
        meta.setProperty("fileName", name);
        meta.setProperty("length", String.valueOf(length));
        try {
            Path dir = store.uploads();
            // Everything that does not change while declarations are made is looked up before the lock: the caller's
            // roles and stored files, the limits, the disk. Held under the lock, each of them made every declaration
            // of a deadline surge queue behind the others (JFR, issue 15).
            UploadLimits.Holder holder = holder(owner);
            long stored = storedBytes(holder, owner);
            UploadLimits limits = UploadLimits.of(config);
            java.nio.file.FileStore disk = Files.getFileStore(dir);
            // Checked and declared under one lock, so that declarations sent at once cannot all pass one check; the
            // lock holds across the nodes sharing the directory, whose open uploads are counted in the check.
            DirectoryLock.holding(DECLARING, store.lockFile("declaring"), () -> {
                checkLimits(OpenUploads.in(dir), owner, holder, limits, stored, length, disk.getUsableSpace());
                Files.createFile(dir.resolve(id + ".part"));
                Path metaFile = dir.resolve(id + ".meta");
                try (OutputStream out = Files.newOutputStream(metaFile)) {
                    meta.store(out, null);
                }
                OpenUploads.declared(metaFile, owner, length);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UploadStatus(id, 0, length, null);
    }

    /** Refuses a declaration over the caller's limits or more than the disk can hold ({@link UploadLimits}). */
    private static void checkLimits(List<OpenUploads.Open> open, String owner, UploadLimits.Holder holder,
                                    UploadLimits limits, long stored, long length, long usable) {
        if (holder != UploadLimits.Holder.UNLIMITED) {
            List<OpenUploads.Open> mine = open.stream().filter(upload -> upload.owner().equals(owner)).toList();
            limits.checkAccount(holder, mine.size(), stored + mine.stream().mapToLong(OpenUploads.Open::length).sum(), length);
        }
        long promised = open.stream().mapToLong(upload -> Math.max(0, upload.length() - upload.received())).sum();
        limits.checkDisk(usable, promised, length);
    }

    /** The bytes of the caller's stored files, when a limit applies to the caller (0 otherwise). */
    private long storedBytes(UploadLimits.Holder holder, String owner) {
        if (holder == UploadLimits.Holder.UNLIMITED) {
            return 0;
        }
        Long stored = em.createQuery("select sum(f.sizeBytes) from StoredFile f where f.owner.username = :owner", Long.class)
                .setParameter("owner", owner).getSingleResult();
        return stored == null ? 0 : stored;
    }

    private UploadLimits.Holder holder(String owner) {
        if (session.isCallerInRole(Roles.ORGANISER) || session.isCallerInRole(Roles.ADMIN) || owner.equals(EVIDENCE_OWNER)) {
            return UploadLimits.Holder.UNLIMITED;
        }
        return session.isCallerInRole(Roles.UNIT_ADMIN) ? UploadLimits.Holder.UNIT : UploadLimits.Holder.PERSON;
    }

    /** Gives up an unfinished upload of the caller's: its bytes go, and it no longer counts against the limits. */
    public void cancel(String id) {
        ownMeta(id);
        discard(id);
    }

    public UploadStatus status(String id) {
        Properties meta = ownMeta(id);
        return new UploadStatus(id, size(part(id)), Long.parseLong(meta.getProperty("length")), null);
    }

    /**
     * Appends bytes at {@code offset}, which must be what the server already has (after a drop, ask
     * {@link #status} first). The piece that completes the file also checks and stores it.
     */
    public UploadStatus append(String id, long offset, InputStream body) {
        Properties meta = ownMeta(id);
        long length = Long.parseLong(meta.getProperty("length"));
        Path part = part(id);
        long have = size(part);
        if (offset != have) {
            throw LaurelException.conflict("upload.offsetMismatch", have);
        }
        long received = have;
        // Hashed as it is written, so the last piece need not read the whole file again (null: hashed at the end).
        MessageDigest digest = digests.resume(id, have);
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) != -1) {
                received += read;
                if (received > length) {
                    discard(id);
                    throw InvalidInputException.of("length", "upload.longerThanDeclared", length);
                }
                out.write(buffer, 0, read);
                if (digest != null) {
                    digest.update(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // A dropped connection: what arrived is kept, the client resumes from status().
            return new UploadStatus(id, size(part), length, null);
        }
        if (received < length) {
            if (digest != null) {
                digests.keep(id, received, digest);
            }
            keepAlive(id);
            return new UploadStatus(id, received, length, null);
        }
        String sha256 = digest == null ? null : HexFormat.of().formatHex(digest.digest());
        return new UploadStatus(id, received, length, finish(id, part, meta.getProperty("fileName"), length, sha256));
    }

    /** Streams a whole file in one go (the page's upload), through the same checks as a resumable one. */
    public StoredFile storeWhole(String fileName, long length, InputStream content) {
        UploadStatus begun = begin(fileName, length);
        UploadStatus done = append(begun.id(), 0, content);
        if (!done.isComplete()) {
            discard(begun.id());
            throw InvalidInputException.of("file", "upload.incomplete");
        }
        return done.file();
    }

    /** Checks and stores a complete upload; {@code hashed} is its SHA-256 if known from the pieces, else null. */
    private StoredFile finish(String id, Path part, String fileName, long length, String hashed) {
        String mediaType;
        String sha256;
        if (size(part) != length) {
            // Two pieces sent at once for the same offset both appended: the file is not what was declared.
            discard(id);
            throw InvalidInputException.of("file", "upload.incomplete");
        }
        try {
            sha256 = hashed != null ? hashed : sha256(part);
            mediaType = inspector.identify(part, fileName);
        } catch (IOException e) {
            discard(id);
            throw new UncheckedIOException(e);
        } catch (FileRefusal e) {
            discard(id);
            throw e.asInvalidInput();
        }
        FileKind kind = FileKind.of(mediaType);
        if (kind == FileKind.OTHER) {
            discard(id);
            throw InvalidInputException.of("file", "upload.typeRefused", mediaType);
        }
        long limit = kind == FileKind.IMAGE ? MAX_IMAGE_BYTES : kind == FileKind.DOCUMENT ? MAX_DOCUMENT_BYTES : MAX_BYTES;
        if (length > limit) {
            discard(id);
            throw InvalidInputException.of("file", "upload.kindTooLarge", limit / (1024 * 1024));
        }
        Inspection inspection;
        try {
            // Damaged (it would get a receipt and then fail every judge), active or too complex: refused while
            // its sender can still export it again.
            inspection = inspector.inspect(part, mediaType, length, sha256);
        } catch (FileRefusal e) {
            discard(id);
            LOG.info(() -> "Refused a " + mediaType + " upload: " + e.messageKey());
            throw e.asInvalidInput();
        }
        Account owner = accounts.byUsername(uploader()).orElseThrow(() -> LaurelException.forbidden("api.forbidden"));
        String storedName;
        try {
            storedName = store.commit(part, EXTENSIONS.getOrDefault(mediaType, ""));
        } catch (IOException e) {
            discard(id);
            throw new UncheckedIOException(e);
        }
        store.deleteQuietly(metaPath(id));
        StoredFile file = new StoredFile(storedName, fileName, inspection, owner, clock.instant());
        try {
            em.persist(file);
            em.flush();
        } catch (RuntimeException e) {
            store.deleteQuietly(store.resolve(storedName));
            throw e;
        }
        audit.record(uploader(), "FILE_STORED", "file:" + file.getId(), mediaType + " " + length + " B " + sha256);
        return file;
    }

    /** The caller's own stored file, or 404: nobody learns that another's file exists. */
    public StoredFile ownFile(long fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null || !file.getOwner().getUsername().equals(uploader())) {
            throw LaurelException.notFound("file.notFound");
        }
        return file;
    }

    private Properties ownMeta(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            throw LaurelException.notFound("upload.notFound");
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaPath(id))) {
            meta.load(in);
        } catch (IOException e) {
            throw LaurelException.notFound("upload.notFound");
        }
        if (!uploader().equals(meta.getProperty("owner"))) {
            throw LaurelException.notFound("upload.notFound");
        }
        return meta;
    }

    /** Marks the upload as in use, so that the nightly clean-up (UploadJanitor) keeps its metadata too. */
    private void keepAlive(String id) {
        try {
            Files.setLastModifiedTime(metaPath(id), java.nio.file.attribute.FileTime.from(clock.instant()));
        } catch (IOException e) {
            // Only the clean-up's timing depends on it.
        }
    }

    private void discard(String id) {
        digests.forget(id);
        store.deleteQuietly(part(id));
        store.deleteQuietly(metaPath(id));
    }

    private Path part(String id) {
        try {
            return store.uploads().resolve(id + ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path metaPath(String id) {
        try {
            return store.uploads().resolve(id + ".meta");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw LaurelException.notFound("upload.notFound");
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), UploadDigests.newDigest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Evidence sent with an objection to a public notice, by anyone, logged in or not: an image or a PDF of at most
     * 10 MB, checked like every upload. Without an account it belongs to the system account
     * {@value #EVIDENCE_OWNER}, which cannot log in; organisers read it with the objection.
     */
    @PermitAll
    public StoredFile storeEvidence(String fileName, long length, InputStream content) {
        if (length > MAX_EVIDENCE_BYTES) {
            throw InvalidInputException.of("evidence", "upload.kindTooLarge", MAX_EVIDENCE_BYTES / (1024 * 1024));
        }
        StoredFile file;
        try {
            file = storeWhole(fileName, length, content);
        } catch (InvalidInputException e) {
            throw asEvidence(e);
        }
        FileKind kind = FileKind.of(file.getMediaType());
        if (kind != FileKind.IMAGE && !"application/pdf".equals(file.getMediaType())) {
            em.remove(file);
            store.deleteQuietly(store.resolve(file.getStoredName()));
            throw InvalidInputException.of("evidence", "upload.evidenceTypeRefused", file.getMediaType());
        }
        deleteUnlessCommitted(store.resolve(file.getStoredName()));
        return file;
    }

    /** A type refused by the general check is refused for evidence with the types evidence may have, not all uploads'. */
    private static InvalidInputException asEvidence(InvalidInputException refusal) {
        return refusal.errors().stream().filter(error -> error.messageKey().equals("upload.typeRefused")
                        || error.messageKey().equals("upload.unidentified")).findFirst()
                .map(error -> error.messageKey().equals("upload.unidentified")
                        ? InvalidInputException.of("evidence", "upload.evidenceUnidentified")
                        : InvalidInputException.of("evidence", "upload.evidenceTypeRefused", error.args()))
                .orElse(refusal);
    }

    /**
     * Evidence comes with a form that may still be refused after its files are stored (a later file of the wrong
     * type, the limits). A refusal rolls the transaction back, which takes the rows but not the bytes on disk;
     * and once the transaction is doomed no other call can remove them. So the file goes when the transaction
     * does not commit.
     */
    private void deleteUnlessCommitted(Path stored) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    store.deleteQuietly(stored);
                }
            }
        });
    }

    /** Removes a stored file that ended up unused because what it came with was refused. */
    @PermitAll
    public void discardEvidence(StoredFile file) {
        StoredFile managed = em.find(StoredFile.class, file.getId());
        if (managed != null && EVIDENCE_OWNER.equals(managed.getOwner().getUsername()) || managed != null
                && managed.getOwner().getUsername().equals(uploader())) {
            em.remove(managed);
            store.deleteQuietly(store.resolve(managed.getStoredName()));
        }
    }

    /** The caller's name; an anonymous caller (only {@link #storeEvidence} lets one in) uploads as the evidence account. */
    private String uploader() {
        for (String role : new String[]{Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.ORGANISER, Roles.ADMIN, Roles.JUDGE}) {
            if (session.isCallerInRole(role)) {
                return caller.name();
            }
        }
        return EVIDENCE_OWNER;
    }
}
