package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Losses;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A deterministic learner without DJL: the action is {@code w * obs[0] + noise}; every second
 * observed step it moves {@code w} towards making the action match the target seen in the
 * observation. Its whole state (weight, counters, noise generator) is saved, so a reload resumes
 * exactly.
 */
class FakeAgent implements Agent {

    private final EnvSpec spec;
    double w;
    private long steps;
    private long updates;
    private long noiseState;
    private double lastError;
    private Losses losses = Losses.NONE;
    long nanLossAt = -1;
    boolean training;

    FakeAgent(EnvSpec spec, long seed) {
        this.spec = spec;
        this.noiseState = seed;
    }

    @Override public String algorithm() { return "fake"; }
    @Override public EnvSpec spec() { return spec; }

    @Override
    public void act(float[] observation, boolean explore, float[] action) {
        double noise = 0;
        if (explore) {
            noiseState = noiseState * 6364136223846793005L + 1442695040888963407L;
            noise = ((noiseState >>> 11) * 0x1.0p-53 - 0.5) * 0.2;
        }
        action[0] = (float) (w * observation[0] + noise);
    }

    @Override
    public void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated) {
        steps++;
        lastError = action[0] - observation[0];
        if (steps % 2 == 0) {
            updates++;
            w -= 0.3 * lastError * observation[0];
            double loss = updates == nanLossAt ? Double.NaN : lastError * lastError;
            losses = new Losses(updates, Map.of("critic", loss));
        }
    }

    @Override public long updates() { return updates; }
    @Override public long steps() { return steps; }
    @Override public Losses losses() { return losses; }
    @Override public void training(boolean on) { training = on; }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeDouble(w);
        out.writeLong(steps);
        out.writeLong(updates);
        out.writeLong(noiseState);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        w = in.readDouble();
        steps = in.readLong();
        updates = in.readLong();
        noiseState = in.readLong();
        losses = Losses.NONE;
    }

    @Override
    public void close() {
    }
}
