package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Losses;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;

/**
 * A deterministic policy that depends on the whole observation: {@code a = tanh(M obs)} with a
 * fixed random matrix, so any difference in what the environment and the stage observe (prices,
 * drifted weights, wealth) changes the action. Learns nothing.
 */
final class FixedPolicy implements Agent {

    private final EnvSpec spec;
    private final double[] matrix;

    FixedPolicy(EnvSpec spec, long seed) {
        this.spec = spec;
        int in = spec.observationSize(), out = spec.action().width();
        this.matrix = new double[in * out];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < matrix.length; k++) matrix[k] = rng.nextGaussian() / Math.sqrt(in);
    }

    @Override public String algorithm() { return "fixed"; }
    @Override public EnvSpec spec() { return spec; }

    @Override
    public void act(float[] observation, boolean explore, float[] action) {
        int in = observation.length;
        for (int j = 0; j < action.length; j++) {
            double s = 0;
            for (int k = 0; k < in; k++) s += matrix[j * in + k] * observation[k];
            action[j] = (float) Math.tanh(s);
        }
    }

    @Override public void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated) { }
    @Override public long updates() { return 0; }
    @Override public long steps() { return 0; }
    @Override public Losses losses() { return Losses.NONE; }
    @Override public void save(DataOutputStream out) { }
    @Override public void load(DataInputStream in) { }
    @Override public void close() { }
}
