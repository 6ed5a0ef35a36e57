package dev.strat.cli;

import dev.strat.runtime.pipeline.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Shows the progress of long work on standard error. Short work shows nothing: a task must last
 * {@link #DELAY} before anything is drawn, so a quick check or a small backtest stays silent.
 *
 * <ul>
 *   <li>{@link Mode#BAR}: a terminal bar with ETA (me.tongfei progressbar), started lazily after
 *       the delay with the work done so far, so its ETA counts from the real start;</li>
 *   <li>{@link Mode#LINES}: for logs and pipes, a plain line now and then
 *       ({@code backtest: 40% (4/10), eta 12s}) and a closing {@code done in} line;</li>
 *   <li>{@link Mode#OFF}: nothing but warnings;</li>
 *   <li>{@link Mode#AUTO}: a bar when standard error is a terminal, else lines, decided when a
 *       task first outlasts the delay.</li>
 * </ul>
 * Warnings ({@link #warn}) are printed as {@code warning: ...} in every mode. All methods are
 * synchronised: the engine may report from worker threads.
 */
public final class ProgressReporter implements ProgressListener, AutoCloseable {

    /** How progress is shown; {@code AUTO} decides between a bar and lines once work lasts long enough. */
    public enum Mode { OFF, BAR, LINES, AUTO }

    /** How long a task runs before progress is shown. */
    public static final Duration DELAY = Duration.ofSeconds(1);

    /** The least time between two plain progress lines. */
    public static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    private Mode mode;
    private final BooleanSupplier isTerminal;
    private final PrintStream err;
    private final LongSupplier nanos;
    private final IntSupplier width;
    private final boolean timer;

    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    private String task;
    private long total;
    private long done;
    private long startedAt;
    private long lastLineAt;
    private boolean linePrinted;
    private ProgressBar bar;

    /**
     * @param mode  how to show progress
     * @param err   where to draw
     * @param nanos a monotonic clock
     * @param width the terminal width (asked only when a bar is drawn)
     * @param timer whether to start the bar from a timer after {@link #DELAY} even when no progress
     *              is reported meanwhile (true in the real command; tests drive the clock by hand)
     */
    public ProgressReporter(Mode mode, PrintStream err, LongSupplier nanos, IntSupplier width, boolean timer) {
        this(mode, () -> false, err, nanos, width, timer);
    }

    /**
     * @param isTerminal for {@link Mode#AUTO}: whether {@code err} is a terminal, asked only when a
     *                   task outlasts {@link #DELAY}, so short work never pays for the probe
     */
    public ProgressReporter(Mode mode, BooleanSupplier isTerminal, PrintStream err, LongSupplier nanos, IntSupplier width,
                            boolean timer) {
        this.mode = mode;
        this.isTerminal = isTerminal;
        this.err = err;
        this.nanos = nanos;
        this.width = width;
        this.timer = timer;
    }

    /**
     * The reporter for a command: off when {@code enabled} is false, a bar when standard error is
     * a terminal, else plain lines.
     */
    public static ProgressReporter forCommand(boolean enabled, CliContext ctx) {
        return new ProgressReporter(enabled ? Mode.AUTO : Mode.OFF, ctx.probe()::stderrIsTerminal, ctx.stderr(),
                ctx.nanoClock(), ctx.probe()::stderrWidth, true);
    }

    @Override
    public synchronized void start(String name, long total) {
        endTask(false);
        this.task = name == null || name.isBlank() ? "working" : name;
        this.total = Math.max(0, total);
        this.done = 0;
        this.startedAt = nanos.getAsLong();
        this.lastLineAt = Long.MIN_VALUE;
        this.linePrinted = false;
        if ((mode == Mode.BAR || mode == Mode.AUTO) && timer) {
            pending = scheduler().schedule(this::onDelay, DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void progress(long done, String message) {
        if (task == null) return;
        this.done = Math.max(0, done);
        long now = nanos.getAsLong();
        if (mode == Mode.AUTO && now - startedAt >= DELAY.toNanos()) resolve();
        switch (mode) {
            case OFF, AUTO -> { }
            case BAR -> {
                if (bar == null && now - startedAt >= DELAY.toNanos()) showBar(now);
                if (bar != null) {
                    bar.stepTo(this.done);
                    if (message != null) bar.setExtraMessage(message);
                }
            }
            case LINES -> {
                if (now - startedAt >= DELAY.toNanos()
                        && (lastLineAt == Long.MIN_VALUE || now - lastLineAt >= LINE_INTERVAL.toNanos())) {
                    err.println(progressLine(now, message));
                    err.flush();
                    lastLineAt = now;
                    linePrinted = true;
                }
            }
        }
    }

    @Override
    public synchronized void finish() {
        endTask(true);
    }

    @Override
    public synchronized void warn(String message) {
        if (bar != null) {
            // clear the bar's line so the warning does not run into it; the bar redraws below
            err.print("\r\033[2K");
        }
        err.println("warning: " + message);
        err.flush();
    }

    /** Ends the current task, if any, and stops the timer thread. */
    @Override
    public synchronized void close() {
        endTask(true);
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private synchronized void onDelay() {
        if (task == null) return;
        resolve();
        if (mode == Mode.BAR && bar == null) showBar(nanos.getAsLong());
    }

    private void resolve() {
        if (mode != Mode.AUTO) return;
        boolean terminal;
        try {
            terminal = isTerminal.getAsBoolean();
        } catch (RuntimeException e) {
            terminal = false;
        }
        mode = terminal ? Mode.BAR : Mode.LINES;
    }

    private void showBar(long now) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(err, Math.max(40, width.getAsInt() - 1)))
                .setUpdateIntervalMillis(200)
                .startsFrom(done, Duration.ofNanos(now - startedAt));
        b.setInitialMax(total > 0 ? total : -1);
        bar = b.build();
    }

    private void endTask(boolean completed) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (task == null) return;
        if (bar != null) {
            if (completed && total > 0 && !Thread.currentThread().isInterrupted()) bar.stepTo(total);
            closeBar(bar);
            bar = null;
        } else if (mode == Mode.LINES && linePrinted) {
            err.println(task + ": done in " + duration(nanos.getAsLong() - startedAt));
            err.flush();
        }
        task = null;
    }

    /**
     * Closes {@code bar} and waits for its last redraw. The bar redraws on a thread of its own and
     * its {@code close()} waits for that redraw with a blocking {@code get()}, which returns at once
     * when this thread is interrupted (Ctrl-C): the redraw then landed after the REPL's prompt. So
     * the interrupt is set aside while the bar closes and restored afterwards; on an interrupt the
     * bar's line is erased, since "interrupted" says all it could.
     */
    private void closeBar(ProgressBar b) {
        boolean interrupted = Thread.interrupted();
        try {
            b.close();
        } finally {
            if (interrupted) {
                // the bar ended its line with a newline: go up to it and clear it
                err.print("\033[1A\r\033[2K");
                err.flush();
                Thread.currentThread().interrupt();
            }
        }
    }

    private String progressLine(long now, String message) {
        StringBuilder b = new StringBuilder(task).append(": ");
        long elapsed = now - startedAt;
        if (total > 0) {
            long pct = Math.min(100, Math.round(100.0 * done / total));
            b.append(pct).append("% (").append(done).append('/').append(total).append(')');
            if (done > 0 && done < total) {
                long eta = (long) ((double) elapsed * (total - done) / done);
                b.append(", eta ").append(duration(eta));
            }
        } else {
            b.append(done).append(" done, ").append(duration(elapsed)).append(" elapsed");
        }
        if (message != null && !message.isBlank()) b.append(" - ").append(message);
        return b.toString();
    }

    /** A short human duration: {@code 850ms}, {@code 12s}, {@code 3m 05s}, {@code 1h 02m}. */
    static String duration(long nanos) {
        long ms = Math.max(0, nanos) / 1_000_000;
        if (ms < 1000) return ms + "ms";
        long s = ms / 1000;
        if (s < 60) return s + "s";
        long m = s / 60;
        if (m < 60) return String.format("%dm %02ds", m, s % 60);
        return String.format("%dh %02dm", m / 60, m % 60);
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "strat-progress");
                t.setDaemon(true);
                return t;
            });
        }
        return scheduler;
    }
}
