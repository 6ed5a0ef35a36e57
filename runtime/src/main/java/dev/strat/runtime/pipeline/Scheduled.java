package dev.strat.runtime.pipeline;

/**
 * Consults a stage only on schedule: on the first decision of a run and then every
 * {@code every}-th decision; in between it proposes the drifted holdings, so nothing trades and
 * the inner stage is not even asked. This is what {@code mvo(window=126) every 21d} means: the
 * model is re-solved monthly. It differs from {@code x | rebalance(every=21d)}, where {@code x}
 * still decides (and learns) every step and only the trades are thinned out.
 *
 * <p>The inner stage still receives every {@link #observe} call, so a learner sees each outcome.
 */
public final class Scheduled implements Stage, AutoCloseable {

    private final Stage inner;
    private final int every;
    private final String label;
    private int count;

    public Scheduled(Stage inner, int every, String everyText) {
        if (every < 1) throw new IllegalArgumentException("a schedule needs every >= 1 decision, got " + every);
        this.inner = inner;
        this.every = every;
        this.label = inner.label() + " every " + everyText;
    }

    public Stage inner() { return inner; }

    public int every() { return every; }

    @Override
    public java.util.List<Stage> children() { return java.util.List.of(inner); }

    @Override
    public String label() { return label; }

    @Override
    public int warmup() { return inner.warmup(); }

    @Override
    public void reset(RunSetup setup) {
        count = 0;
        inner.reset(setup);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        if (count++ % every == 0) {
            inner.propose(decision, out);
        } else {
            System.arraycopy(decision.current(), 0, out, 0, out.length);
        }
    }

    @Override
    public void observe(Outcome outcome) {
        inner.observe(outcome);
    }

    /** Closes the inner stage when it holds resources (a learner under a schedule frees its networks). */
    @Override
    public void close() {
        Stages.closeAll(java.util.List.of(inner));
    }
}
