package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A minibatch of on-policy training data packed row by row into one float array, so that it
 * crosses to the accelerator in a single copy: each row holds the observation, the action
 * (continuous values, or a one-hot row for a discrete choice), the old log-probability, the
 * advantage and the return.
 *
 * @param size              rows
 * @param observationSize   observation values per row
 * @param actionColumns     action values per row
 * @param data              {@code size * width()} values
 */
record OnPolicyBatch(int size, int observationSize, int actionColumns, float[] data) {

    OnPolicyBatch(int size, int observationSize, int actionColumns) {
        this(size, observationSize, actionColumns, new float[size * (observationSize + actionColumns + 3)]);
    }

    OnPolicyBatch {
        if (data.length != size * (observationSize + actionColumns + 3)) throw new IllegalArgumentException("batch data has the wrong length");
    }

    int width() { return observationSize + actionColumns + 3; }

    /** The batch's columns as tensors in {@code scope}. */
    record Tensors(NDArray observations, NDArray actions, NDArray oldLogProbs, NDArray advantages, NDArray returns) {
    }

    /** Copies the batch to the device in one transfer and splits it into its columns (views). */
    Tensors upload(NDManager scope) {
        NDArray all = scope.create(data, new Shape(size, width()));
        int o = observationSize;
        int a = actionColumns;
        NDList parts = all.split(new long[]{o, o + a, o + a + 1, o + a + 2}, 1);
        return new Tensors(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
    }

    /** A batch from separate arrays (tests); {@code actions[k]} is the one-hot row for discrete spaces. */
    static OnPolicyBatch of(float[][] observations, float[][] actions, double[] oldLogProbs, double[] advantages, double[] returns) {
        int n = observations.length;
        OnPolicyBatch b = new OnPolicyBatch(n, observations[0].length, actions[0].length);
        for (int k = 0; k < n; k++) {
            int off = k * b.width();
            System.arraycopy(observations[k], 0, b.data, off, b.observationSize);
            System.arraycopy(actions[k], 0, b.data, off + b.observationSize, b.actionColumns);
            int tail = off + b.observationSize + b.actionColumns;
            b.data[tail] = (float) oldLogProbs[k];
            b.data[tail + 1] = (float) advantages[k];
            b.data[tail + 2] = (float) returns[k];
        }
        return b;
    }
}
