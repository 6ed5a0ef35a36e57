package dev.strat.runtime.experiment;

import java.util.List;
import java.util.Optional;

/**
 * Executes the runs of a {@link RunPlan}: the seam between an experiment and where its runs happen
 * ({@link LocalExecutor} on this machine's threads; a distributed engine ships {@link RunSpec}s).
 * Implementations must return the same results whatever their parallelism: each run may depend
 * only on its spec and on the hand-off of the run before it in its chain.
 */
public interface RunExecutor {

    /**
     * Runs every run of {@code plan}, the runs of a chain in order, and returns the results in plan
     * order ({@link RunPlan#runs()}). The first failure (in plan order) is rethrown.
     */
    <R, H> List<R> execute(RunPlan plan, RunWork<R, H> work);

    /**
     * One run's work.
     *
     * @param <R> what the run produces for the experiment
     * @param <H> what it hands to the next run of its chain (a trained model)
     */
    @FunctionalInterface
    interface RunWork<R, H> {

        /** Runs {@code run}; {@code previous} is the hand-off of the chain's previous run, empty for the first. */
        Done<R, H> run(RunSpec run, Optional<H> previous);
    }

    /**
     * What a run produced.
     *
     * @param result  kept for the experiment
     * @param handoff given to the next run of the chain and then dropped (empty when nothing follows)
     */
    record Done<R, H>(R result, Optional<H> handoff) {
    }
}
