package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.ActionSpace;

/**
 * Turns an agent's action into long-only portfolio weights with cash (N + 1, summing to 1).
 * The language selects one: sum-normalisation, softmax with a temperature or action scale,
 * projection onto the simplex, or a class hierarchy (HADAPS).
 */
public interface ActionMap {

    /** A label, e.g. {@code softmax(scale=5)}. */
    String label();

    /** The action space agents act in for a market of {@code assets} risky assets. */
    ActionSpace space(int assets);

    /** Writes the weights for {@code action} into {@code weights} (length N + 1, cash last). */
    void toWeights(float[] action, double[] weights);
}
