package dev.strat.bench;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.util.Gaussian;

import java.util.SplittableRandom;

/**
 * A synthetic portfolio task whose observation has a tensor part, for benchmarking the
 * structured networks (CNN, GRU-attention) the way the papers feed them: a window of OHLCV bars
 * per column (assets, then cash as a column of zeros), five channels (open, high, low and close
 * relative to the previous close, and log volume), followed by the current weights.
 *
 * <p>Prices are random walks drawn from the episode's seed, so every run sees the same
 * episodes; the reward is the log growth of the softmax-weighted portfolio. Nothing here is
 * meant to be learnable: only the shapes and the cost of a step matter.
 *
 * @see GpuBench
 */
public final class OhlcvWindowEnv implements Env {

    private static final int CHANNELS = 5;

    private final int assets;
    private final int window;
    private final int steps;
    private final EnvSpec spec;
    /** Bar features of the episode, (bars, assets, channels) row-major, and each bar's gross asset returns. */
    private float[] bars;
    private double[] gross;
    private final double[] weights;
    private int t;

    /**
     * @param assets assets (the observation has one more column, cash)
     * @param window bars in the observation
     * @param steps  decisions per episode
     */
    public OhlcvWindowEnv(int assets, int window, int steps) {
        if (assets < 1 || window < 1 || steps < 2) throw new IllegalArgumentException("bad OHLCV environment size");
        this.assets = assets;
        this.window = window;
        this.steps = steps;
        int columns = assets + 1;
        this.spec = new EnvSpec(new ObservationLayout(window, columns, CHANNELS, columns), new ActionSpace.Continuous(columns), steps);
        this.weights = new double[columns];
    }

    /** The benchmark's size: 10 assets (11 columns), 32 bars, 500 decisions an episode. */
    public static OhlcvWindowEnv standard() {
        return new OhlcvWindowEnv(10, 32, 500);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void reset(long seed, float[] observation) {
        SplittableRandom r = new SplittableRandom(seed);
        int total = window + steps;
        bars = new float[total * assets * CHANNELS];
        gross = new double[total * assets];
        for (int a = 0; a < assets; a++) {
            for (int b = 0; b < total; b++) {
                double ret = 0.01 * Gaussian.next(r);
                double open = 0.002 * Gaussian.next(r);
                double high = Math.max(open, ret) + 0.005 * Math.abs(Gaussian.next(r));
                double low = Math.min(open, ret) - 0.005 * Math.abs(Gaussian.next(r));
                int at = (b * assets + a) * CHANNELS;
                bars[at] = (float) (100 * open);
                bars[at + 1] = (float) (100 * high);
                bars[at + 2] = (float) (100 * low);
                bars[at + 3] = (float) (100 * ret);
                bars[at + 4] = (float) (0.5 * Gaussian.next(r));
                gross[b * assets + a] = Math.exp(ret);
            }
        }
        java.util.Arrays.fill(weights, 0);
        weights[assets] = 1;
        t = 0;
        observe(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        int columns = assets + 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) max = Math.max(max, 5 * action[c]);
        double z = 0;
        for (int c = 0; c < columns; c++) z += weights[c] = Math.exp(5 * action[c] - max);
        int bar = window + t;
        double growth = weights[assets] / z;
        for (int a = 0; a < assets; a++) growth += weights[a] / z * gross[bar * assets + a];
        for (int c = 0; c < columns; c++) weights[c] /= z;
        t++;
        observe(observation);
        return new Step(Math.log(growth), false, t >= steps);
    }

    private void observe(float[] observation) {
        int columns = assets + 1;
        int p = 0;
        for (int b = t; b < t + window; b++) {
            System.arraycopy(bars, b * assets * CHANNELS, observation, p, assets * CHANNELS);
            p += assets * CHANNELS;
            for (int k = 0; k < CHANNELS; k++) observation[p++] = 0;   // cash
        }
        for (int c = 0; c < columns; c++) observation[p++] = (float) weights[c];
    }
}
