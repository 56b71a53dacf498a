package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileStore;
import app.laurel.storage.MediaService;
import app.laurel.storage.StoredFile;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryFile;
import app.laurel.submission.EntryStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public column (专栏): organisers publish and unpublish entries (audited); everyone reads the column page
 * by page, one story at a time (counted), and the story's pictures and videos. What leaves for the public is a
 * {@link ColumnStory}, never an entry, and public queries repeat the publishing rules, so an entry disqualified
 * after publication or whose consent is withdrawn disappears from the column without anyone unpublishing it.
 */
@Stateless
public class ColumnService {

    public static final int PAGE_SIZE = 12;
    /** Beyond any real column; keeps the offset arithmetic far from overflow. */
    private static final int MAX_PAGE = 100_000;
    private static final List<EntryStatus> PUBLISHABLE = Arrays.stream(EntryStatus.values())
            .filter(EntryStatus::isPublishable).toList();
    private static final String VISIBLE = " from ColumnItem c join c.entry e where c.contest = :contest"
            + " and e.displayConsent = true and e.status in :publishable";

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private AuditTrail audit;

    @Inject
    private FileStore store;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<ColumnChanged> changed;

    /**
     * Publishes an entry of the contest, with or without its author's name and unit. Refused for an entry of
     * another contest, without the author's consent to public display, not accepted or selected, or already in
     * the column.
     */
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public ColumnItem publish(String contestCode, long entryId, boolean showAuthor) {
        Contest contest = contests.byCode(contestCode);
        Entry entry = em.find(Entry.class, entryId);
        if (entry == null || entry.getStatus() == EntryStatus.DRAFT) {
            throw LaurelException.notFound("entry.notFound");
        }
        if (!em.createNamedQuery("ColumnItem.byEntry", ColumnItem.class).setParameter("contest", contest)
                .setParameter("entry", entry).getResultList().isEmpty()) {
            throw LaurelException.conflict("column.alreadyPublished");
        }
        ColumnItem item = ColumnItem.publish(contest, entry, showAuthor, caller.name(), clock.instant());
        em.persist(item);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Two organisers publishing the same entry at once: the unique key lets only one through.
            throw LaurelException.conflict("column.alreadyPublished");
        }
        audit.record(caller.name(), "COLUMN_PUBLISHED", "entry:" + entryId,
                "contest:" + contest.getCode() + " item:" + item.getId() + (showAuthor ? " with author" : " anonymous"));
        changed.fire(new ColumnChanged(contest.getCode()));
        return item;
    }

    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public void unpublish(String contestCode, long itemId) {
        Contest contest = contests.byCode(contestCode);
        ColumnItem item = em.find(ColumnItem.class, itemId);
        if (item == null || !item.getContest().getId().equals(contest.getId())) {
            throw LaurelException.notFound("column.notFound");
        }
        em.remove(item);
        audit.record(caller.name(), "COLUMN_UNPUBLISHED", "entry:" + item.getEntry().getId(),
                "contest:" + contest.getCode() + " item:" + itemId + " views:" + item.getViewCount());
        changed.fire(new ColumnChanged(contest.getCode()));
    }

    /**
     * The entries an organiser may publish (accepted or selected, with consent), each with its item when already
     * published; items whose entry no longer qualifies are listed too, so they can be taken down. Winners first,
     * then by receipt number.
     */
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    public List<ColumnCandidate> candidates(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        Map<Long, ColumnItem> items = em.createNamedQuery("ColumnItem.byContest", ColumnItem.class)
                .setParameter("contest", contest).getResultStream()
                .collect(Collectors.toMap(i -> i.getEntry().getId(), Function.identity()));
        Map<Long, Entry> entries = new LinkedHashMap<>();
        em.createQuery("select e from Entry e where e.contest = :contest and e.displayConsent = true"
                        + " and e.status in :publishable", Entry.class)
                .setParameter("contest", contest).setParameter("publishable", PUBLISHABLE)
                .getResultStream().forEach(e -> entries.put(e.getId(), e));
        items.values().forEach(i -> entries.putIfAbsent(i.getEntry().getId(), i.getEntry()));
        List<ColumnCandidate> candidates = new ArrayList<>();
        entries.values().forEach(e -> candidates.add(new ColumnCandidate(e, items.get(e.getId()))));
        candidates.sort(Comparator.comparing((ColumnCandidate c) -> c.entry().getStatus() != EntryStatus.WINNER)
                .thenComparing(c -> c.entry().getReceiptNo(), Comparator.nullsLast(Comparator.naturalOrder())));
        return candidates;
    }

    /** One page (from 1) of the contest's column, newest first; all categories when {@code categoryId} is null. */
    @PermitAll
    public ColumnPage page(String contestCode, Long categoryId, int pageNo) {
        Contest contest = contests.byCode(contestCode);
        int page = Math.min(Math.max(1, pageNo), MAX_PAGE);
        String where = VISIBLE + (categoryId == null ? "" : " and e.category.id = :category");
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        TypedQuery<ColumnItem> items = em.createQuery("select c" + where + " order by c.publishedAt desc, c.id desc",
                ColumnItem.class);
        for (TypedQuery<?> query : List.of(count, items)) {
            query.setParameter("contest", contest).setParameter("publishable", PUBLISHABLE);
            if (categoryId != null) {
                query.setParameter("category", categoryId);
            }
        }
        List<ColumnStory> stories = items.setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE)
                .getResultStream().map(ColumnStory::of).toList();
        return new ColumnPage(stories, page, PAGE_SIZE, count.getSingleResult());
    }

    /** Whether the contest's column has anything to read; false for an unknown contest. */
    @PermitAll
    public boolean hasItems(String contestCode) {
        try {
            Contest contest = contests.byCode(contestCode);
            return em.createQuery("select count(c)" + VISIBLE, Long.class).setParameter("contest", contest)
                    .setParameter("publishable", PUBLISHABLE).getSingleResult() > 0;
        } catch (LaurelException unknown) {
            return false;
        }
    }

    /** A story as the public reads it; its views are counted as it is served ({@link ColumnViews}). */
    @PermitAll
    public ColumnStory peek(String contestCode, long itemId) {
        return ColumnStory.of(visible(contests.byCode(contestCode), itemId));
    }

    /**
     * A picture or video of a story in the column, for anyone: only while the item is visible, and only a file
     * the story shows ({@link ColumnItem#publicFiles()}); anything else is "not found".
     */
    @PermitAll
    public MediaService.Media publicFile(long itemId, long fileId) {
        ColumnItem item = em.find(ColumnItem.class, itemId);
        if (item == null || !item.isVisible()) {
            throw LaurelException.notFound("file.notFound");
        }
        StoredFile file = item.publicFiles().stream().map(EntryFile::getFile).filter(f -> f.getId() == fileId)
                .findFirst().orElseThrow(() -> LaurelException.notFound("file.notFound"));
        Path path = store.resolve(file.getStoredName());
        try {
            return new MediaService.Media(file, path, Files.size(path));
        } catch (IOException e) {
            throw LaurelException.notFound("file.notFound");
        }
    }

    private ColumnItem visible(Contest contest, long itemId) {
        ColumnItem item = em.find(ColumnItem.class, itemId);
        if (item == null || !item.getContest().getId().equals(contest.getId()) || !item.isVisible()) {
            throw LaurelException.notFound("column.notFound");
        }
        return item;
    }
}
