package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.nn.Compute;

/** Builds a fresh agent for an environment's shape: an algorithm with its configuration bound. */
@FunctionalInterface
public interface AgentFactory {

    Agent create(EnvSpec spec, long seed, Compute compute);
}
