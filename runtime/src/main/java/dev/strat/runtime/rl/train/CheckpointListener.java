package dev.strat.runtime.rl.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the training's {@link Checkpoint} to one file: on each new best epoch, every
 * {@code every} epochs, and at the end (then {@code agent.bin} is the kept model and the
 * checkpoint is marked complete). Each write replaces the file atomically. Every write before the
 * end carries what {@link Trainer#resume} needs, including the best model when it is not the
 * current one.
 */
public final class CheckpointListener implements TrainingListener {

    private final Path file;
    private final byte[] normaliser;
    private final String strategy;
    private final boolean onBest;
    private final int every;
    private TrainingRun run;
    private int written;

    /**
     * @param file       the checkpoint file
     * @param normaliser the observation normaliser's saved state (copied; may be empty)
     * @param strategy   the strategy's source text (may be empty)
     * @param onBest     write on each new best epoch
     * @param every      also write every this many epochs; 0 for never
     */
    public CheckpointListener(Path file, byte[] normaliser, String strategy, boolean onBest, int every) {
        this.file = Objects.requireNonNull(file, "file");
        this.normaliser = normaliser.clone();
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        if (every < 0) throw new IllegalArgumentException("checkpoint interval must not be negative, got " + every);
        this.onBest = onBest;
        this.every = every;
    }

    /** Writes on each new best and at the end. */
    public static CheckpointListener onBest(Path file, byte[] normaliser, String strategy) {
        return new CheckpointListener(file, normaliser, strategy, true, 0);
    }

    public Path file() {
        return file;
    }

    /** Checkpoints written so far. */
    public int written() {
        return written;
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
    }

    @Override
    public void onEpoch(int epoch, double metric, boolean best) {
        if ((onBest && best) || (every > 0 && epoch % every == 0)) write(run.state(), false);
    }

    @Override
    public void onEnd(TrainingResult result) {
        // The agent now holds the kept model; its counters are the run's final ones.
        // Under keep-best that is the best epoch's model, so it is also best.bin for a later resume.
        byte[] kept = Trainer.save(run.agent());
        boolean keptIsBest = run.config().keep() == Keep.BEST && result.bestEpoch() > 0 && result.bestEpoch() != result.epochs();
        TrainingState end = new TrainingState(result.epochs(), run.episodes(), result.steps(), result.bestEpoch(),
                result.bestMetric(), result.history(), kept, keptIsBest ? Optional.of(kept) : Optional.empty());
        write(end, true);
    }

    private void write(TrainingState state, boolean complete) {
        Checkpoint.write(file, CheckpointContent.of(run, state, normaliser, strategy, complete));
        written++;
    }
}
