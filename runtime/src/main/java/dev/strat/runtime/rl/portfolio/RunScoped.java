package dev.strat.runtime.rl.portfolio;

/**
 * A feature or reward with per-run state beyond its numbers: a random stream, or resources that
 * must be freed when the run ends (user functions keep a sandboxed guest context). The agent that
 * owns it tells it the run's seed before the run uses it, so that the same seed gives the same
 * draws and another seed other ones, and closes it when the agent itself is closed.
 */
public interface RunScoped extends AutoCloseable {

    /** Called with the run's seed before the first episode of training and again before the test run. */
    void startRun(long seed);

    /** Frees what the run held; called once, when the owning agent closes. */
    @Override
    void close();
}
