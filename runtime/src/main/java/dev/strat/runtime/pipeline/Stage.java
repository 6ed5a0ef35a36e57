package dev.strat.runtime.pipeline;

/**
 * One step of a strategy pipeline. Once per decision step the backtester calls
 * {@link #propose} on each stage in order: a stage sees the market only through
 * {@link Decision#history()} (bars up to the decision time), the account state, and the proposal
 * of the stage before it, and writes its own proposal. After the step every stage receives the
 * realised outcome of the executed portfolio through {@link #observe}.
 *
 * <p>Weights arrays have {@code N + 1} entries: the N assets in market order, then cash at index
 * {@code N}. Proposals are long-only and sum to 1.
 *
 * <p>Stages are stateful and single-threaded; {@link #reset} starts a fresh run and must make
 * the stage's behaviour depend only on its parameters, the run's data and {@link RunSetup#seed()}.
 */
public interface Stage {

    /** A short label for reports, e.g. {@code olmar(window=5)}. */
    String label();

    /**
     * Bars of history the stage needs before its first real decision (its warm-up). Until the
     * backtest has that many bars visible the pipeline holds cash.
     */
    default int warmup() {
        return 0;
    }

    /** Starts a fresh run; called once before the first decision. */
    void reset(RunSetup setup);

    /**
     * Writes this stage's proposal for the decision into {@code out} (length N + 1, cash last).
     * Must not modify the arrays in {@code decision}.
     */
    void propose(Decision decision, double[] out);

    /** Called after each executed step with its realised outcome; learning stages use it. */
    default void observe(Outcome outcome) {
    }

    /**
     * The stages this one owns (a pipeline's stages, a switcher's members, a scheduled stage's
     * inner stage), so that a run can walk the whole tree: find every learner, close every
     * resource. Leaves have none.
     */
    default java.util.List<Stage> children() {
        return java.util.List.of();
    }
}
