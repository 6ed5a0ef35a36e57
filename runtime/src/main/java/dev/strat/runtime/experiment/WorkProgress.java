package dev.strat.runtime.experiment;

import dev.strat.runtime.pipeline.ProgressListener;

/**
 * One progress bar over a whole experiment whose runs may train first: the total is the sum of
 * announced units (one per backtest, plus the epochs of each training), the runner's "run
 * finished" events add one unit, and each training reports through a {@link #child()} whose
 * progress adds its own units. Thread-safe, since runs train in parallel.
 */
public final class WorkProgress implements ProgressListener {

    private final ProgressListener target;
    private long total;
    private long done;
    private long runs;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    public WorkProgress(ProgressListener target) {
        this.target = target;
    }

    /** Announces {@code units} more units of work before the experiment starts. */
    public synchronized void add(long units) {
        total += units;
    }

    @Override
    public synchronized void start(String name, long total) {
        target.start(name, Math.max(this.total, total));
    }

    @Override
    public synchronized void progress(long finishedRuns, String message) {
        done += finishedRuns - runs;
        runs = finishedRuns;
        target.progress(done, message);
    }

    @Override
    public synchronized void finish() {
        target.finish();
    }

    /** Passes each distinct warning on once: every seed's training would otherwise repeat it. */
    @Override
    public synchronized void warn(String message) {
        if (warned.add(message)) target.warn(message);
    }

    /** A listener for one training inside a run: its start and finish are absorbed, its units counted. */
    public ProgressListener child() {
        return new ProgressListener() {
            private long seen;

            @Override
            public void progress(long units, String message) {
                synchronized (WorkProgress.this) {
                    done += Math.max(0, units - seen);
                    seen = Math.max(seen, units);
                    target.progress(done, message);
                }
            }

            @Override
            public void warn(String message) {
                WorkProgress.this.warn(message);
            }
        };
    }
}
