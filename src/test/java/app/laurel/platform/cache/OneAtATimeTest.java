package app.laurel.platform.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OneAtATimeTest {

    @Test
    void aCrowdMissingTheSamePageRendersItOnceAndAllSendThatRendering() throws Exception {
        OneAtATime<String> renders = new OneAtATime<>();
        AtomicInteger rendered = new AtomicInteger();
        CountDownLatch allClaimed = new CountDownLatch(16);
        ExecutorService crowd = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(crowd.submit(() -> {
                    CompletableFuture<String> other = renders.claim("/n/abcd");
                    allClaimed.countDown();
                    if (other != null) {
                        return OneAtATime.await(other, Duration.ofSeconds(10));
                    }
                    allClaimed.await(); // everyone has asked before the page is done
                    rendered.incrementAndGet();
                    renders.finish("/n/abcd", "page");
                    return "page";
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("page", answer.get());
            }
        } finally {
            crowd.shutdownNow();
        }
        assertEquals(1, rendered.get());
        assertNull(renders.claim("/n/abcd"), "once finished, the next miss renders again");
    }

    @Test
    void whoWaitsForAPageThatCouldNotBeSharedRendersItself() {
        OneAtATime<String> renders = new OneAtATime<>();
        assertNull(renders.claim("/n/abcd"));
        CompletableFuture<String> other = renders.claim("/n/abcd");
        renders.finish("/n/abcd", null);
        assertNull(OneAtATime.await(other, Duration.ofSeconds(1)));
    }
}
