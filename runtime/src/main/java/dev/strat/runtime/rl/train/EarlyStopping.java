package dev.strat.runtime.rl.train;

/**
 * Stops training once {@code patience} epochs in a row brought no new best validation metric.
 * Counts from the run's best epoch, so it behaves the same after a resume.
 */
public final class EarlyStopping implements TrainingListener {

    private final int patience;
    private TrainingRun run;

    public EarlyStopping(int patience) {
        if (patience < 1) throw new IllegalArgumentException("patience must be at least one epoch, got " + patience);
        this.patience = patience;
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
    }

    @Override
    public void onEpoch(int epoch, double metric, boolean best) {
        // An epoch before any finite best (all NaN) counts as without improvement from epoch 0.
        if (epoch - run.bestEpoch() >= patience) {
            run.stop("no better " + run.metricName() + " for " + patience + (patience == 1 ? " epoch" : " epochs")
                    + " (best at epoch " + run.bestEpoch() + ")");
        }
    }
}
