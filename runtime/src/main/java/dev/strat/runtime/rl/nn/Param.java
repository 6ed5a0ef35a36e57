package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

/**
 * A trainable tensor with a stable, path-like name ({@code actor.0.weight}), so that optimisers,
 * checkpoints and target-network copies line parameters up by name rather than by position.
 */
public record Param(String name, NDArray value) {
}
