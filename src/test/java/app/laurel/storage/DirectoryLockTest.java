package app.laurel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes share the storage directory: while another process (another node) holds the lock, this node's work
 * waits, as it does for this node's own threads. A Java monitor alone would let it run at once.
 */
class DirectoryLockTest {

    @Test
    void workWaitsWhileAnotherProcessHoldsTheLock(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve(".declaring.lock");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherNode.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", said.readLine(), "the other process took the lock");

            CountDownLatch ran = new CountDownLatch(1);
            Thread here = new Thread(() -> {
                try {
                    DirectoryLock.holding(new Object(), lockFile, () -> {
                        ran.countDown();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            here.start();
            assertFalse(ran.await(1500, TimeUnit.MILLISECONDS), "ran while the other node held the lock");

            other.getOutputStream().close();
            assertTrue(ran.await(30, TimeUnit.SECONDS), "ran once the other node let go");
            here.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            other.destroy();
        }
    }

    /** Another node: holds the lock on the file named until its standard input closes. */
    public static final class OtherNode {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() != -1) {
                    // until the test lets go
                }
            }
        }
    }
}
