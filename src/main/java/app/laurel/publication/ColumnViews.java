package app.laurel.publication;

import app.laurel.platform.web.PublicReads;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the views of the column's stories, the page ({@code /column/HY2021/57}) and its JSON alike, whether the
 * reader got them rendered or from the public cache. Counted in memory and added to the database every few
 * seconds ({@link ColumnViewFlush}) in one UPDATE per story: a story shared on WeChat is read thousands of times a
 * minute, and one UPDATE per read would queue every reader behind that row's lock. A view of a story that does
 * not exist is counted too, and then adds to no row.
 */
@ApplicationScoped
public class ColumnViews implements PublicReads {

    /** More stories read between two flushes than any column has: beyond this, made-up ids are not kept. */
    private static final int MAX_PENDING = 20_000;
    private static final Pattern STORY = Pattern.compile("/(?:api/v1/)?column/([A-Za-z][A-Za-z0-9]{1,19})/(?:items/)?(\\d{1,18})/?");

    /** A story of a contest's column. */
    public record Story(String contestCode, long itemId) {
    }

    private final Map<Story, AtomicLong> pending = new ConcurrentHashMap<>();

    @Override
    public void served(String path) {
        Matcher story = STORY.matcher(path);
        if (story.matches() && (pending.size() < MAX_PENDING || pending.containsKey(key(story)))) {
            pending.computeIfAbsent(key(story), s -> new AtomicLong()).incrementAndGet();
        }
    }

    private static Story key(Matcher story) {
        return new Story(story.group(1), Long.parseLong(story.group(2)));
    }

    /** The views counted since the last call, taken out of the count. */
    Map<Story, Long> drain() {
        Map<Story, Long> taken = new java.util.HashMap<>();
        for (Story story : pending.keySet()) {
            AtomicLong count = pending.remove(story);
            if (count != null && count.get() > 0) {
                taken.put(story, count.get());
            }
        }
        return taken;
    }
}
