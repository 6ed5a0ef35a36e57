package dev.strat.runtime.rl.nn;

import dev.strat.runtime.util.Gaussian;

import java.util.SplittableRandom;

/**
 * Weight initialisation, drawn in Java from a seeded stream.
 *
 * <ul>
 *   <li>{@link #torchDefault()}: PyTorch's {@code nn.Linear} default, weights and biases
 *       ~ U(-1/sqrt(in), 1/sqrt(in)); what SB3 uses for TD3, SAC and DDPG.</li>
 *   <li>{@link #orthogonal(double)}: orthogonal weights scaled by {@code gain}, zero biases;
 *       what SB3 uses for PPO and A2C (gain sqrt 2 for hidden layers, 0.01 for the policy head,
 *       1 for the value head).</li>
 * </ul>
 */
public sealed interface Init {

    /** Fills {@code weight} (out x in, row-major) and {@code bias} (out). */
    void fill(float[] weight, float[] bias, int out, int in, SplittableRandom random);

    static Init torchDefault() {
        return new Uniform();
    }

    static Init orthogonal(double gain) {
        return new Orthogonal(gain);
    }

    /** PyTorch's default: U(-1/sqrt(in), 1/sqrt(in)) for weights and biases. */
    record Uniform() implements Init {
        @Override
        public void fill(float[] weight, float[] bias, int out, int in, SplittableRandom random) {
            double k = 1.0 / Math.sqrt(in);
            for (int i = 0; i < weight.length; i++) weight[i] = (float) ((random.nextDouble() * 2 - 1) * k);
            for (int i = 0; i < bias.length; i++) bias[i] = (float) ((random.nextDouble() * 2 - 1) * k);
        }
    }

    /** Orthogonal rows (or columns, whichever are fewer) times {@code gain}; zero bias. */
    record Orthogonal(double gain) implements Init {
        @Override
        public void fill(float[] weight, float[] bias, int out, int in, SplittableRandom random) {
            // Gram-Schmidt on a Gaussian matrix with the larger dimension as vector length.
            boolean rows = out <= in;
            int count = rows ? out : in;
            int length = rows ? in : out;
            double[][] q = new double[count][length];
            for (int v = 0; v < count; v++) {
                double[] x = q[v];
                for (int k = 0; k < length; k++) x[k] = Gaussian.next(random);
                for (int u = 0; u < v; u++) {
                    double dot = 0;
                    for (int k = 0; k < length; k++) dot += x[k] * q[u][k];
                    for (int k = 0; k < length; k++) x[k] -= dot * q[u][k];
                }
                double norm = 0;
                for (int k = 0; k < length; k++) norm += x[k] * x[k];
                norm = Math.sqrt(norm);
                for (int k = 0; k < length; k++) x[k] /= norm;
            }
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    double w = rows ? q[o][i] : q[i][o];
                    weight[o * in + i] = (float) (gain * w);
                }
            }
            java.util.Arrays.fill(bias, 0f);
        }
    }

}
