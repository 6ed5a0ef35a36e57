package dev.strat.runtime.rl.train;

/**
 * How long and how a {@link Trainer} trains.
 *
 * <p>Training stops at whichever budget runs out first: {@code epochs} epochs or {@code maxSteps}
 * environment steps. An epoch is {@code episodesPerEpoch} episodes (by default one, a single pass
 * over the training split), followed by one validation. A step budget that ends inside an epoch
 * ends that epoch early; it is still validated, so no trained steps go unjudged.
 *
 * @param seed             the run's seed; episode {@code k} resets the environment with
 *                         {@link #episodeSeed(long) episodeSeed(k)}
 * @param epochs           most epochs (at least 1)
 * @param episodesPerEpoch episodes per epoch (at least 1)
 * @param maxSteps         most environment steps in all, or {@link Long#MAX_VALUE} for no step budget
 * @param keep             the model handed back: best validated or last
 * @param lossEvery        first sampling interval of losses in the history, in updates (at least 1)
 * @param maxLossSamples   most loss samples the history keeps (at least 2); when full, every
 *                         other sample is dropped and the interval doubles, so memory stays bounded
 *                         however long training runs
 */
public record TrainingConfig(long seed, int epochs, int episodesPerEpoch, long maxSteps, Keep keep,
                             int lossEvery, int maxLossSamples) {

    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException("training needs at least one epoch, got " + epochs);
        if (episodesPerEpoch < 1) throw new IllegalArgumentException("an epoch needs at least one episode, got " + episodesPerEpoch);
        if (maxSteps < 1) throw new IllegalArgumentException("the step budget must be positive, got " + maxSteps);
        if (keep == null) throw new IllegalArgumentException("keep must be BEST or LAST");
        if (lossEvery < 1) throw new IllegalArgumentException("lossEvery must be at least 1, got " + lossEvery);
        if (maxLossSamples < 2) throw new IllegalArgumentException("maxLossSamples must be at least 2, got " + maxLossSamples);
    }

    /** {@code epochs} epochs of one episode each, keeping the best model, no step budget. */
    public static TrainingConfig epochs(long seed, int epochs) {
        return new TrainingConfig(seed, epochs, 1, Long.MAX_VALUE, Keep.BEST, 1, 4096);
    }

    public TrainingConfig withEpisodesPerEpoch(int n) {
        return new TrainingConfig(seed, epochs, n, maxSteps, keep, lossEvery, maxLossSamples);
    }

    public TrainingConfig withMaxSteps(long n) {
        return new TrainingConfig(seed, epochs, episodesPerEpoch, n, keep, lossEvery, maxLossSamples);
    }

    public TrainingConfig withKeep(Keep k) {
        return new TrainingConfig(seed, epochs, episodesPerEpoch, maxSteps, k, lossEvery, maxLossSamples);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(seed, n, episodesPerEpoch, maxSteps, keep, lossEvery, maxLossSamples);
    }

    public TrainingConfig withLossSampling(int every, int maxSamples) {
        return new TrainingConfig(seed, epochs, episodesPerEpoch, maxSteps, keep, every, maxSamples);
    }

    /** True when a step budget is set. */
    public boolean stepBudget() {
        return maxSteps != Long.MAX_VALUE;
    }

    /**
     * The reset seed of episode {@code episode} (0-based): a SplitMix64 mix of the run seed and the
     * index, so episodes differ from each other and from other runs' episodes, and a resumed run
     * replays exactly the seeds an uninterrupted one would.
     */
    public long episodeSeed(long episode) {
        return mix(mix(seed) + 0x9E3779B97F4A7C15L * (episode + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
