package dev.strat.runtime.rl.nn;

import java.util.SplittableRandom;

/**
 * How a forward pass runs: training (dropout active, batch norm on batch statistics) or
 * inference. Dropout masks come from {@code random}, a Java stream derived from the run's seed,
 * so that training is reproducible without touching PyTorch's global generator.
 */
public record Mode(boolean training, SplittableRandom random) {

    /** Inference: dropout off, batch norm on running statistics. */
    public static final Mode EVAL = new Mode(false, null);

    public static Mode train(SplittableRandom random) {
        return new Mode(true, random);
    }
}
