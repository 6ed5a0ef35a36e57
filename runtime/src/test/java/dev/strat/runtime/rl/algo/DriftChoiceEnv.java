package dev.strat.runtime.rl.algo;

import dev.strat.runtime.util.Gaussian;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.SplittableRandom;

/**
 * A tiny discrete test environment: each step the agent holds one of three assets for one bar
 * and earns its log-return; asset 0 drifts up by {@code drift} per bar, the others have none,
 * all with noise {@code vol}. The observation is the previous bar's three returns (scaled by
 * 100) and the fraction of the episode done. The optimum is to pick asset 0 every step.
 */
final class DriftChoiceEnv implements Env {

    private final EnvSpec spec;
    private final int steps;
    private final double drift;
    private final double vol;
    private final double[] last = new double[3];
    private SplittableRandom random;
    private int t;

    DriftChoiceEnv(int steps, double drift, double vol) {
        this.steps = steps;
        this.drift = drift;
        this.vol = vol;
        this.spec = new EnvSpec(ObservationLayout.flat(4), new ActionSpace.Discrete(3), steps);
    }

    @Override
    public EnvSpec spec() { return spec; }

    @Override
    public void reset(long seed, float[] observation) {
        random = new SplittableRandom(seed);
        t = 0;
        draw();
        write(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        int choice = (int) action[0];
        draw();
        double reward = last[choice];
        t++;
        write(observation);
        return new Step(reward, false, t >= steps);
    }

    private void draw() {
        for (int i = 0; i < 3; i++) last[i] = (i == 0 ? drift : 0) + vol * Gaussian.next(random);
    }

    private void write(float[] observation) {
        for (int i = 0; i < 3; i++) observation[i] = (float) (100 * last[i]);
        observation[3] = (float) t / steps;
    }
}
