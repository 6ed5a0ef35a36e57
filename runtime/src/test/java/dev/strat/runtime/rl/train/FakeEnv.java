package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny deterministic environment: three observation floats drawn from the reset seed, one
 * continuous action; the reward is {@code -(a - target)^2} with a target drawn per episode, so
 * rewards depend on the seed and on the action. Can be told to emit a bad value at a given step.
 */
final class FakeEnv implements Env {

    static final EnvSpec SPEC = new EnvSpec(ObservationLayout.flat(3), new ActionSpace.Continuous(1), 10);

    final List<Long> seeds = new ArrayList<>();
    private final int length;
    private SplittableRandom random;
    private double target;
    private int t;
    private long totalSteps;
    long nanRewardAt = -1;
    long infObservationAt = -1;
    int infIndex = 2;

    FakeEnv(int length) {
        this.length = length;
    }

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public void reset(long seed, float[] observation) {
        seeds.add(seed);
        random = new SplittableRandom(seed);
        target = random.nextDouble(-0.5, 0.5);
        t = 0;
        fill(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        t++;
        totalSteps++;
        double d = action[0] - target;
        double reward = totalSteps == nanRewardAt ? Double.NaN : -d * d;
        fill(observation);
        if (totalSteps == infObservationAt) observation[infIndex] = Float.POSITIVE_INFINITY;
        return new Step(reward, false, t >= length);
    }

    private void fill(float[] observation) {
        for (int i = 0; i < observation.length; i++) observation[i] = (float) random.nextDouble(-1, 1);
        observation[0] = (float) target;
    }
}
