package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDManager;

import java.util.SplittableRandom;

/**
 * What building a network needs: the manager that will own its parameters, the initialisers for
 * hidden and output layers, and the seeded stream the initial weights come from.
 */
public record NetContext(NDManager manager, Init hidden, Init output, SplittableRandom random) {

    /** PyTorch's default initialisation everywhere (TD3, SAC, DDPG). */
    public static NetContext torchDefault(NDManager manager, SplittableRandom random) {
        return new NetContext(manager, Init.torchDefault(), Init.torchDefault(), random);
    }

    /** The same context with another output initialiser (a policy head at gain 0.01, say). */
    public NetContext withOutput(Init init) {
        return new NetContext(manager, hidden, init, random);
    }
}
