package dev.strat.polyglot;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops a call that runs too long or allocates too much. One daemon thread serves every context
 * of the process: it holds no run's state, only the periodic checks that contexts register while
 * open. The Community Edition offers no CPU-time or heap limit, so this is where both are enforced.
 */
final class Watchdog {

    /** How often an open context's call is looked at. */
    static final long PERIOD_MS = 5;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "strat-guest-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private Watchdog() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    /** Bytes {@code thread} has allocated so far, or -1 where the JVM cannot say. */
    static long allocated(Thread thread) {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(thread.threadId());
    }

    /** Runs {@code check} every {@link #PERIOD_MS} until the returned handle is cancelled. */
    static ScheduledFuture<?> watch(Runnable check) {
        return TIMER.scheduleAtFixedRate(check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** One call being watched; written by the calling thread, read by the watchdog. */
    static final class Call {
        volatile Thread thread;
        volatile long startNanos;
        volatile long startAllocated;
        volatile String stopped;
        volatile long timeoutNanos;
        volatile long allocationLimit;

        /** Starts watching a call with {@code sandbox}'s limits, or the more generous loading limits when {@code loading}. */
        void begin(Sandbox sandbox, boolean loading) {
            stopped = null;
            timeoutNanos = (loading ? sandbox.loadTimeout() : sandbox.callTimeout()).toNanos();
            allocationLimit = loading ? sandbox.loadAllocationLimit() : sandbox.allocationLimit();
            Thread t = Thread.currentThread();
            startAllocated = allocated(t);
            startNanos = System.nanoTime();
            thread = t;
        }

        void end() {
            thread = null;
        }

        /** Calls {@code stop} with the reason when the call under way broke a limit. */
        void check(Sandbox sandbox, Consumer<String> stop) {
            Thread t = thread;
            if (t == null || stopped != null) return;
            long elapsed = System.nanoTime() - startNanos;
            if (elapsed > timeoutNanos) {
                stopped = "ran past its wall-clock limit of " + timeoutNanos / 1_000_000 + " ms per call";
            } else {
                long now = allocated(t);
                if (now >= 0 && startAllocated >= 0 && now - startAllocated > allocationLimit) {
                    stopped = "allocated more than its budget of " + (allocationLimit >> 20) + " MiB per call";
                }
            }
            if (stopped != null && thread == t) stop.accept(stopped);
        }
    }
}
