package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.CostModel;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.Objects;

/**
 * The cost model of one walk-forward window's test backtest: the experiment's model, with its
 * random streams (slippage, perturbed closes) drawn from the run's seed mixed with the window
 * index. Each window of a learning strategy is a backtest of its own (starting from the holdings
 * the previous window ended with); started from the run's seed, every window would draw the same
 * numbers again, so a slippage spike at a window's third step would recur at every window's third
 * step.
 *
 * <p>Window 0 keeps the run's seed, so a fixed split (whose only window is 0) and the first
 * window of a walk-forward are charged exactly as before, and a run over the whole span
 * ({@link RunSpec#ALL_WINDOWS}) draws one stream through all windows. Only the cost model's
 * streams move: the stage still sees the run's seed in its {@link RunSetup}. A composite's shadow
 * accounts are charged through the same configuration, so they keep drawing what the real account
 * draws.
 *
 * @param model  the experiment's cost model
 * @param window the window index, 1 or more
 */
public record WindowCosts(CostModel model, int window) implements CostModel {

    public WindowCosts {
        Objects.requireNonNull(model, "model");
        if (window < 1) throw new IllegalArgumentException("window 0 and whole-span runs keep the run's costs, got window " + window);
    }

    /** The configuration window {@code window}'s test backtest runs with: {@code config} itself for window 0 or less. */
    public static BacktestConfig config(BacktestConfig config, int window) {
        return window < 1 ? config : config.withCostModel(new WindowCosts(config.costModel(), window));
    }

    /**
     * The seed of window {@code window}'s cost streams: {@code seed} for window 0 or less, else a
     * 64-bit mix of both (SplittableRandom's finaliser), so nearby seeds and windows give unrelated
     * streams.
     */
    public static long seed(long seed, int window) {
        if (window < 1) return seed;
        long z = seed + window * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public Charger start(RunSetup setup) {
        return model.start(new RunSetup(setup.symbols(), setup.frequency(), seed(setup.seed(), window), setup.firstBar(),
                setup.lastBar(), setup.reports(), setup.config()));
    }

    @Override
    public String describe() {
        return model.describe();
    }

    @Override
    public boolean frictionless() {
        return model.frictionless();
    }
}
