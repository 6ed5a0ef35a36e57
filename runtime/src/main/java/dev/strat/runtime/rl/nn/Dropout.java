package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in training each unit is zeroed with probability {@code p} and the survivors
 * are scaled by {@code 1 / (1 - p)}, so inference is the identity. The mask is drawn in Java from
 * {@link Mode#random()} (one float array per forward), never from PyTorch's generator, so a
 * seeded run is reproducible.
 */
public final class Dropout implements Module {

    private final int width;
    private final double p;

    public Dropout(int width, double p) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        this.width = width;
        this.p = p;
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        if (!mode.training() || p == 0) return input;
        SplittableRandom random = mode.random();
        if (random == null) throw new IllegalStateException("training mode needs a random stream for dropout masks");
        float scale = (float) (1 / (1 - p));
        float[] mask = new float[Math.toIntExact(input.size())];
        for (int i = 0; i < mask.length; i++) mask[i] = random.nextDouble() < p ? 0f : scale;
        // Created in the input's (scoped) manager, and the input first so the product lands there too.
        try (NDArray m = input.getManager().create(mask, input.getShape())) {
            return input.mul(m);
        }
    }

    public double rate() {
        return p;
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public List<Param> parameters() {
        return List.of();
    }
}
