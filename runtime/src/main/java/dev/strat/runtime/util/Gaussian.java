package dev.strat.runtime.util;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a seeded stream, by Box-Muller on two uniforms. One formula for the
 * whole runtime (initial weights, exploration noise, simulated prices): pure Java, so a seed gives
 * the same numbers on every machine, and changing it would change every seeded result.
 */
public final class Gaussian {

    private Gaussian() {
    }

    public static double next(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
