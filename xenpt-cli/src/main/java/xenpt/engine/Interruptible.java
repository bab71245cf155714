package xenpt.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs work that must finish its bookkeeping when the process is asked to stop (Ctrl-C, a cancelled CI job: SIGINT or
 * SIGTERM): the shutdown hook interrupts the working thread and waits, up to a grace period, for it to end. apply
 * relies on it to write its journal and release its host locks instead of leaving them behind.
 */
public final class Interruptible {

    private Interruptible() {}

    /** @param stopping said (on stderr) when the stop begins, so that the wait has a reason */
    public static <T> T run(Duration grace, Optional<Runnable> stopping, Supplier<T> work) {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (finished.getCount() > 0) stopping.ifPresent(Runnable::run);
            worker.interrupt();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xenpt-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it sees the latch and lets the JVM go.
            }
        }
    }
}
