package dev.strat.runtime.rl;

/**
 * The shape of an environment: what agents see and what they may do.
 *
 * @param observation the observation layout; {@link ObservationLayout#size()} floats per step
 * @param action      the action space
 * @param maxSteps    steps in one episode (an upper bound; an episode may end earlier)
 */
public record EnvSpec(ObservationLayout observation, ActionSpace action, int maxSteps) {

    public int observationSize() { return observation.size(); }
}
