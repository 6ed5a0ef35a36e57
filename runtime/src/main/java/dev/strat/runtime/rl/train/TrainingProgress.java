package dev.strat.runtime.rl.train;

import dev.strat.runtime.pipeline.ProgressListener;

import java.util.Locale;

/**
 * Reports training to a {@link ProgressListener} (the terminal's bar with ETA): one task whose
 * units are environment steps when a step budget is set, else episodes, with a message after each
 * episode giving its reward and the latest and best validation metric.
 */
public final class TrainingProgress implements TrainingListener {

    private final String name;
    private final ProgressListener progress;
    private TrainingRun run;
    private boolean bySteps;
    private double lastMetric = Double.NaN;

    /** @param name what is trained, e.g. {@code "ppo seed 3"} */
    public TrainingProgress(String name, ProgressListener progress) {
        this.name = name;
        this.progress = progress;
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
        TrainingConfig c = run.config();
        long episodes = (long) c.epochs() * c.episodesPerEpoch();
        bySteps = c.stepBudget();
        progress.start("training " + name, bySteps ? c.maxSteps() : episodes);
        if (run.epoch() > 0) progress.progress(bySteps ? run.steps() : run.episodes(), "resumed at epoch " + run.epoch());
    }

    @Override
    public void onEpisodeEnd(long episode, double reward, int length) {
        StringBuilder m = new StringBuilder(96);
        m.append("epoch ").append(run.epoch() + 1).append(" episode ").append(episode + 1)
                .append(" reward ").append(fmt(reward));
        if (run.bestEpoch() > 0) {
            m.append(" | ").append(run.metricName()).append(' ').append(fmt(lastMetric))
                    .append(" (best ").append(fmt(run.bestMetric())).append(" @ epoch ").append(run.bestEpoch()).append(')');
        }
        progress.progress(bySteps ? run.steps() : run.episodes(), m.toString());
    }

    @Override
    public void onEpoch(int epoch, double metric, boolean best) {
        lastMetric = metric;
        progress.progress(bySteps ? run.steps() : run.episodes(), "epoch " + epoch + " " + run.metricName() + " "
                + fmt(metric) + (best ? " (new best)" : " (best " + fmt(run.bestMetric()) + " @ epoch " + run.bestEpoch() + ")"));
    }

    @Override
    public void onEnd(TrainingResult result) {
        progress.finish();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
