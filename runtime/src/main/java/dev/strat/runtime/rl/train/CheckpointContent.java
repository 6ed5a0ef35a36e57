package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Agent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@link Checkpoint} file holds.
 *
 * @param meta       what the model is and where training stood ({@code meta.json})
 * @param agent      {@link Agent#save} output ({@code agent.bin})
 * @param bestAgent  the best epoch's agent when it differs from {@code agent}, so a keep-best run
 *                   can resume ({@code best.bin}, absent otherwise)
 * @param normaliser the observation normaliser's saved state, opaque here ({@code normaliser.bin};
 *                   may be empty)
 * @param strategy   the strategy's source text ({@code strategy.strat}; may be empty)
 * @param history    the training history ({@code history.json})
 */
public record CheckpointContent(CheckpointMeta meta, byte[] agent, Optional<byte[]> bestAgent, byte[] normaliser,
                                String strategy, TrainingHistory history) {

    public CheckpointContent {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(bestAgent, "bestAgent");
        Objects.requireNonNull(normaliser, "normaliser");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(history, "history");
    }

    /**
     * The checkpoint of a running training: the state now, the caller's normaliser bytes and
     * strategy text. {@code complete} marks the model a finished training kept.
     */
    public static CheckpointContent of(TrainingRun run, TrainingState state, byte[] normaliser, String strategy,
                                       boolean complete) {
        Agent agent = run.agent();
        double metric = state.epoch() == 0 ? Double.NaN : state.history().validation()[state.epoch() - 1];
        CheckpointMeta meta = new CheckpointMeta(Checkpoint.FORMAT, agent.algorithm(), run.config().seed(),
                run.spec().observationSize(), run.spec().action().toString(), state.epoch(), state.episodes(), state.steps(),
                run.metricName(), metric, state.bestEpoch(), state.bestMetric(), complete, Instant.now());
        return new CheckpointContent(meta, state.agent(), state.bestAgent(), normaliser, strategy, state.history());
    }

    /** The state a {@link Trainer#resume} continues from. */
    public TrainingState state() {
        return new TrainingState(meta.epoch(), meta.episodes(), meta.steps(), meta.bestEpoch(), meta.bestMetric(), history,
                agent, bestAgent);
    }

    /**
     * Fails with a message saying what differs when {@code agent} is not the kind of agent this
     * checkpoint was written by (algorithm, observation size, action space).
     */
    public void requireCompatible(Agent agent) {
        if (!agent.algorithm().equals(meta.algorithm())) {
            throw new CheckpointException("the checkpoint holds a " + meta.algorithm() + " agent, not " + agent.algorithm());
        }
        if (agent.spec().observationSize() != meta.observationSize()) {
            throw new CheckpointException("the checkpoint's agent sees " + meta.observationSize()
                    + " observations, this one " + agent.spec().observationSize());
        }
        if (!agent.spec().action().toString().equals(meta.action())) {
            throw new CheckpointException("the checkpoint's agent acts in " + meta.action() + ", this one in "
                    + agent.spec().action());
        }
    }

    /** Checks {@code agent} fits, then loads {@code agent.bin} into it. */
    public void loadInto(Agent agent) {
        requireCompatible(agent);
        Trainer.load(agent, this.agent);
    }
}
