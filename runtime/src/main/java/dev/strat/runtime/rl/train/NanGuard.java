package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Losses;

/**
 * Stops training at the first non-finite value, with a message naming where it appeared: a
 * reward or an observation element (with its index) at a step, or a loss at an update. A NaN
 * caught at its source is far easier to trace than one that has already spread into every
 * weight. The per-step check is one pass over the observation, cheap next to any network call.
 */
public final class NanGuard implements TrainingListener {

    private TrainingRun run;

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
    }

    @Override
    public void onEpisodeStart(long episode, long seed, float[] observation) {
        int bad = firstNonFinite(observation);
        if (bad >= 0) {
            throw new TrainingException("non-finite observation: element " + bad + " is " + observation[bad]
                    + " in the first observation of episode " + episode + " (reset seed " + seed + ")");
        }
    }

    @Override
    public void onStep(long step, double reward, float[] observation) {
        if (!Double.isFinite(reward)) {
            throw new TrainingException("non-finite reward " + reward + " at step " + step + " (episode " + run.episodes() + ")");
        }
        int bad = firstNonFinite(observation);
        if (bad >= 0) {
            throw new TrainingException("non-finite observation: element " + bad + " is " + observation[bad]
                    + " at step " + step + " (episode " + run.episodes() + ")");
        }
    }

    @Override
    public void onUpdate(Losses losses) {
        String bad = losses.firstNonFinite();
        if (bad != null) {
            throw new TrainingException("non-finite " + bad + " loss " + losses.values().get(bad) + " at update "
                    + losses.update() + " (step " + run.steps() + ")");
        }
    }

    private static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) return i;
        }
        return -1;
    }
}
