package app.laurel.storage;

import app.laurel.identity.Roles;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileReadPolicy.Access;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may read a stored file: its uploader, the administrators of the unit whose entry holds it, the judges
 * scoring that entry, and organisers; for campaign evidence and documents, the reporting unit's administrators and
 * the reviewers of an office responsible for the task (any office of the campaign for a plan or summary).
 * Anyone else gets "not found". Storage does not know whose entry or report a file belongs to: the features that
 * hold files say who else may read them ({@link FileReadPolicy}). Pages (session) and the API (token) both come
 * through here.
 * <p>
 * Judges score blind, but a .docx or .pdf carries its author's name, unit and reviewers in its own metadata;
 * so a caller who may read the file only as a judge gets a copy without that metadata
 * ({@link MetadataStripper}), never the original; photos and videos likewise lose EXIF/XMP and container tags, and
 * a .docx also has the author's names blacked out in its text ({@link DocxText}, with what {@link JudgeText} says
 * to hide). If that copy cannot be made, the judge is told the file is damaged (409, never the original, never a
 * bare "not found"), and the file is marked so the organiser sees the warning ({@link FileHealth}).
 */
@Stateless
@RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER, Roles.ORGANISER, Roles.ADMIN})
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class.getName());
    /**
     * A video player's first requests for a file come in parallel, and each judges' copy of a 2 GB video is a
     * 2 GB write: one copy at a time per file, the others wait and then serve it. A fixed set of locks, by name, each
     * also a lock file in the shared storage so that another node waits for the copy too.
     */
    private static final Object[] MAKING = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    /**
     * A readable file, where the bytes to send are and how many: for a judge's copy these differ from the stored
     * file's own path and size.
     */
    public record Media(StoredFile file, Path path, long length) {
    }

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private FileStore store;

    @Inject
    private FileHealth health;

    @Inject
    private JudgeText judgeText;

    @Inject
    private Instance<FileReadPolicy> policies;

    @Resource
    private SessionContext session;

    @Inject
    private CurrentCaller caller;

    public Media open(long fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        Access access = file == null ? Access.NONE : access(file);
        if (access == Access.NONE) {
            throw LaurelException.notFound("file.notFound");
        }
        Path path = store.resolve(file.getStoredName());
        if (!Files.isRegularFile(path)) {
            throw LaurelException.notFound("file.notFound");
        }
        if (access == Access.BLIND_COPY && MetadataStripper.applies(file.getMediaType())) {
            path = judgeCopy(file, path);
            if (MetadataStripper.DOCX.equals(file.getMediaType())) {
                path = blackedOut(file, path);
            }
        }
        try {
            return new Media(file, path, Files.size(path));
        } catch (IOException e) {
            throw LaurelException.notFound("file.notFound");
        }
    }

    private Path judgeCopy(StoredFile file, Path original) {
        if (file.isDamaged()) {
            throw LaurelException.conflict("file.damaged");
        }
        Path copy = null;
        try {
            copy = store.judgeCopy(file.getStoredName());
            if (!Files.isRegularFile(copy)) {
                int slot = Math.floorMod(file.getStoredName().hashCode(), MAKING.length);
                Path made = copy;
                DirectoryLock.holding(MAKING[slot], store.lockFile("judge-copy-" + slot), () -> {
                    if (!Files.isRegularFile(made)) {
                        MetadataStripper.strip(original, file.getMediaType(), made);
                    }
                    return null;
                });
            }
            return copy;
        } catch (IOException e) {
            if (copy != null && Files.isRegularFile(copy)) {
                // Another request made the same copy first and this one could not replace it (Windows); copies
                // only ever appear complete, so theirs is as good.
                return copy;
            }
            LOG.log(Level.WARNING, "Could not make the judges' copy of file " + file.getId(), e);
            health.markDamaged(file.getId());
            throw LaurelException.conflict("file.damaged");
        }
    }

    /** The judges' .docx with the author's names blacked out in its text too, made once per set of hidden terms. */
    private Path blackedOut(StoredFile file, Path stripped) {
        JudgeText.Blinding blinding = judgeText.forJudges(file.getId()).orElse(null);
        if (blinding == null) {
            return stripped;
        }
        try {
            Path copy = store.judgeCopy(file.getStoredName(), blinding.key());
            if (!Files.isRegularFile(copy)) {
                DocxText.hide(stripped, copy, blinding.hide());
            }
            return copy;
        } catch (IOException e) {
            // Never the copy with the names still in it.
            LOG.log(Level.WARNING, "Could not black out the judges' copy of file " + file.getId(), e);
            health.markDamaged(file.getId());
            throw LaurelException.conflict("file.damaged");
        }
    }

    /**
     * The uploader, organisers and administrators read in full; everyone else as the features holding the file
     * say ({@link FileReadPolicy}), the strongest answer winning, so that a judge who may also read the file for
     * another reason (their own upload, their unit's entry) is not needlessly given the copy.
     */
    private Access access(StoredFile file) {
        String username = caller.name();
        if (session.isCallerInRole(Roles.ORGANISER) || session.isCallerInRole(Roles.ADMIN)
                || file.getOwner().getUsername().equals(username)) {
            return Access.FULL;
        }
        FileReadPolicy.Reader reader = new FileReadPolicy.Reader(username, roles());
        Access strongest = Access.NONE;
        for (FileReadPolicy policy : policies) {
            strongest = strongest.or(policy.access(file, reader));
            if (strongest == Access.FULL) {
                break;
            }
        }
        return strongest;
    }

    private Set<String> roles() {
        Set<String> roles = new HashSet<>();
        for (String role : List.of(Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.REVIEWER)) {
            if (session.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
