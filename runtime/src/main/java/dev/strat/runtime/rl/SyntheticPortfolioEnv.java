package dev.strat.runtime.rl;

import dev.strat.runtime.util.Gaussian;

import java.util.SplittableRandom;

/**
 * A self-contained portfolio environment on simulated prices: the environment of
 * {@code shared/design/rl-benchmark.md}, and, with chosen drifts, the known-optimum tasks that
 * the learning tests use.
 *
 * <p>N risky assets plus cash (last). Each reset draws, from the seed, log-returns
 * {@code r[k, i] = mu_i + vol * z} for {@code steps + window} bars (mu_i from the config, or
 * ~ U(-0.0005, 0.001) when the config has none) and {@code extra} i.i.d. N(0, 1) features per
 * step. The observation at step t is the last {@code window} log-returns of each asset
 * (asset-major), the drifted weights (N + 1), then the step's extra features. The action in
 * [-1, 1]^(N+1) becomes weights {@code softmax(scale * a)}; the reward is
 * {@code log(sum w_i g_i) - cost * sum |w_i - w_drifted_i|}. The episode starts all in cash and
 * ends after {@code steps - 1} steps.
 */
public final class SyntheticPortfolioEnv implements Env {

    /**
     * @param assets risky assets N
     * @param steps  T: bars in an episode (the episode has T - 1 steps)
     * @param window W: log-returns per asset in the observation
     * @param extra  i.i.d. N(0, 1) features per step
     * @param drift  per-asset drift mu_i, or null to draw mu_i ~ U(-0.0005, 0.001) at each reset
     * @param vol    standard deviation of each log-return
     * @param scale  softmax scale of the action map
     * @param cost   proportional cost per unit of turnover
     */
    public record Config(int assets, int steps, int window, int extra, double[] drift, double vol, double scale, double cost) {
        public Config {
            if (assets < 1 || steps < 2 || window < 1 || extra < 0) throw new IllegalArgumentException("bad synthetic environment size");
            if (drift != null && drift.length != assets) throw new IllegalArgumentException("need one drift per asset");
            drift = drift == null ? null : drift.clone();
        }

        /** The benchmark's {@code small} size: 10 assets, no extra features (61 observations). */
        public static Config small() {
            return new Config(10, 2000, 5, 0, null, 0.02, 5, 0.001);
        }

        /** The benchmark's {@code paper} size: 580 extra features (641 observations). */
        public static Config paper() {
            return new Config(10, 2000, 5, 580, null, 0.02, 5, 0.001);
        }
    }

    private final Config config;
    private final EnvSpec spec;
    private final int n;
    private double[] logReturns;   // (steps + window) x n, row-major by bar
    private float[] extras;        // steps x extra
    private final double[] weights;
    private final double[] target;
    private int t;

    public SyntheticPortfolioEnv(Config config) {
        this.config = config;
        this.n = config.assets();
        int obs = n * config.window() + n + 1 + config.extra();
        this.spec = new EnvSpec(ObservationLayout.flat(obs), new ActionSpace.Continuous(n + 1), config.steps() - 1);
        this.weights = new double[n + 1];
        this.target = new double[n + 1];
    }

    public Config config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void reset(long seed, float[] observation) {
        SplittableRandom random = new SplittableRandom(seed);
        int bars = config.steps() + config.window();
        double[] mu = config.drift() != null ? config.drift() : new double[n];
        if (config.drift() == null) for (int i = 0; i < n; i++) mu[i] = -0.0005 + 0.0015 * random.nextDouble();
        logReturns = new double[bars * n];
        for (int k = 0; k < bars; k++) {
            for (int i = 0; i < n; i++) logReturns[k * n + i] = mu[i] + config.vol() * Gaussian.next(random);
        }
        extras = new float[config.steps() * config.extra()];
        for (int k = 0; k < extras.length; k++) extras[k] = (float) Gaussian.next(random);
        java.util.Arrays.fill(weights, 0);
        weights[n] = 1;
        t = 0;
        observe(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) max = Math.max(max, config.scale() * action[i]);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            target[i] = Math.exp(config.scale() * action[i] - max);
            sum += target[i];
        }
        double turnover = 0;
        double growth = 0;
        int bar = t + config.window();
        for (int i = 0; i <= n; i++) {
            target[i] /= sum;
            turnover += Math.abs(target[i] - weights[i]);
            double g = i == n ? 1 : Math.exp(logReturns[bar * n + i]);
            target[i] *= g;
            growth += target[i];
        }
        for (int i = 0; i <= n; i++) weights[i] = target[i] / growth;
        double reward = Math.log(growth) - config.cost() * turnover;
        t++;
        observe(observation);
        return new Step(reward, false, t >= config.steps() - 1);
    }

    private void observe(float[] out) {
        int w = config.window();
        int p = 0;
        // The last W returns known at step t are those of bars t .. t + W - 1.
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w; k++) out[p++] = (float) logReturns[(t + k) * n + i];
        }
        for (int i = 0; i <= n; i++) out[p++] = (float) weights[i];
        int e = config.extra();
        if (e > 0) System.arraycopy(extras, Math.min(t, config.steps() - 1) * e, out, p, e);
    }

}
