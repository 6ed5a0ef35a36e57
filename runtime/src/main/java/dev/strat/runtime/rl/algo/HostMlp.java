package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.HostGemm;
import dev.strat.runtime.rl.nn.HostVectors;

import java.nio.FloatBuffer;

/**
 * A plain MLP's forward and backward passes in Java ({@link HostGemm}) on a copy of its weights,
 * for the host training path of small networks ({@link HostTraining}): a {@link StackedMlp}'s
 * flat storage (the off-policy agents' networks) or a sequential module's per-layer tensors (PPO's
 * and A2C's).
 *
 * <p>The network's tensors stay the weights' one home: {@link #pull} copies them in (bulk copies
 * of a few tens of kilobytes at the sizes this path serves), the optimiser writes them, and
 * checkpoints, target copies and the PyTorch path read it as before. Each layer's weight is also
 * kept transposed, so that every product of both passes is one of the two fast forms
 * ({@link HostGemm#nn}, {@link HostGemm#tn}).
 *
 * <p>Gradients are written in the storage layout, parameter after parameter, as the optimiser's
 * {@link dev.strat.runtime.rl.nn.Adam#step(float[])} reads them.
 */
final class HostMlp {

    /** Where the weights live: one flat storage, or one tensor per parameter; each copied to {@link #sourceAt}. */
    private final FloatBuffer[] sources;
    private final int[] sourceAt;
    private final float[] values;
    private final int members;
    private final int layers;
    private final int[] widths;
    private final boolean batched;
    private final Activation activation;
    private final Activation outputActivation;
    /** Per member and layer ({@code m * layers + l}): where the weight and bias start in the storage. */
    private final int[] weightAt;
    private final int[] biasAt;
    /** Per member and layer: the weight as (in, out) and as (out, in), each an array and an offset. */
    private final float[][] inOut;
    private final int[] inOutAt;
    private final float[][] outIn;
    private final int[] outInAt;
    /** Whether the transposed copies (the layout the storage does not have) match the pulled weights. */
    private boolean transposed;

    HostMlp(StackedMlp net) {
        this(new FloatBuffer[] {net.storageView()}, net.members(), net.widths(), net.layout() == StackedMlp.Layout.BATCHED,
                net.hiddenActivation(), net.outputActivation());
    }

    /**
     * A plain MLP held as one tensor per parameter: {@code layers} are the weights, (out, in), and
     * biases, layer after layer (a {@link dev.strat.runtime.rl.nn.Sequential} of linear layers).
     * Its gradients are laid out in the same order.
     */
    HostMlp(java.util.List<dev.strat.runtime.rl.nn.Param> layers, Activation activation, Activation outputActivation) {
        this(views(layers), 1, widths(layers), false, activation, outputActivation);
    }

    private static FloatBuffer[] views(java.util.List<dev.strat.runtime.rl.nn.Param> params) {
        FloatBuffer[] views = new FloatBuffer[params.size()];
        for (int k = 0; k < views.length; k++) views[k] = dev.strat.runtime.rl.nn.HostKernels.aliasedView(params.get(k).value());
        return views;
    }

    /** The input and layer widths of a sequential MLP's weights and biases, checked to chain. */
    static int[] widths(java.util.List<dev.strat.runtime.rl.nn.Param> params) {
        if (params.size() % 2 != 0) throw new IllegalArgumentException("weights and biases come in pairs");
        int[] widths = new int[params.size() / 2 + 1];
        for (int l = 0; l < params.size() / 2; l++) {
            ai.djl.ndarray.types.Shape w = params.get(2 * l).value().getShape();
            if (w.dimension() != 2 || params.get(2 * l + 1).value().size() != w.get(0)) {
                throw new IllegalArgumentException("not a linear layer: " + params.get(2 * l).name() + " " + w);
            }
            if (l > 0 && w.get(1) != widths[l]) throw new IllegalArgumentException("layer " + l + " does not follow layer " + (l - 1));
            widths[l] = (int) w.get(1);
            widths[l + 1] = (int) w.get(0);
        }
        return widths;
    }

    private HostMlp(FloatBuffer[] sources, int members, int[] widths, boolean batched, Activation activation, Activation outputActivation) {
        this.sources = sources;
        this.sourceAt = new int[sources.length];
        int total = 0;
        for (int k = 0; k < sources.length; k++) {
            sourceAt[k] = total;
            total += sources[k].capacity();
        }
        this.values = new float[total];
        this.members = members;
        this.widths = widths;
        this.layers = widths.length - 1;
        this.batched = batched;
        this.activation = activation;
        this.outputActivation = outputActivation;
        int count = members * layers;
        this.weightAt = new int[count];
        this.biasAt = new int[count];
        this.inOut = new float[count][];
        this.inOutAt = new int[count];
        this.outIn = new float[count][];
        this.outInAt = new int[count];
        int at = 0;
        if (batched) {
            // per layer: the K (in, out) weights, then the K (1, out) biases
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                for (int m = 0; m < members; m++) weightAt[m * layers + l] = at + m * in * out;
                at += members * in * out;
                for (int m = 0; m < members; m++) biasAt[m * layers + l] = at + m * out;
                at += members * out;
            }
        } else {
            // per member, per layer: the (out, in) weight, then the bias
            for (int m = 0; m < members; m++) {
                for (int l = 0; l < layers; l++) {
                    weightAt[m * layers + l] = at;
                    at += widths[l] * widths[l + 1];
                    biasAt[m * layers + l] = at;
                    at += widths[l + 1];
                }
            }
        }
        if (at != values.length) throw new IllegalStateException("storage holds " + values.length + " values, the layout " + at);
        for (int m = 0; m < members; m++) {
            for (int l = 0; l < layers; l++) {
                int k = m * layers + l;
                float[] other = new float[widths[l] * widths[l + 1]];
                if (batched) {
                    inOut[k] = values;
                    inOutAt[k] = weightAt[k];
                    outIn[k] = other;
                } else {
                    outIn[k] = values;
                    outInAt[k] = weightAt[k];
                    inOut[k] = other;
                }
            }
        }
    }

    int members() {
        return members;
    }

    int inputs() {
        return widths[0];
    }

    int outputs() {
        return widths[layers];
    }

    /** Scalars in the storage: the length of a gradient array. */
    int size() {
        return values.length;
    }

    /** Copies the network's current weights in; call after anything changed them. */
    void pull() {
        for (int k = 0; k < sources.length; k++) sources[k].get(0, values, sourceAt[k], sources[k].capacity());
        transposed = false;
    }

    /**
     * Makes the transposed copies current: wanted for the forward pass in the per-member layout
     * and for the backward pass in the batched one, so a target network in the batched layout
     * (forward only) never pays for them.
     */
    private void transposeIfStale() {
        if (transposed) return;
        transposed = true;
        for (int k = 0; k < inOut.length; k++) {
            int in = widths[k % layers];
            int out = widths[k % layers + 1];
            if (batched) transpose(values, weightAt[k], in, out, outIn[k]);
            else transpose(values, weightAt[k], out, in, inOut[k]);
        }
    }

    /** {@code to (cols, rows) = from (rows, cols)} starting at {@code at}. */
    private static void transpose(float[] from, int at, int rows, int cols, float[] to) {
        for (int r = 0; r < rows; r++) {
            int f = at + r * cols;
            for (int c = 0; c < cols; c++) to[c * rows + r] = from[f + c];
        }
    }

    /** Buffers for one forward pass of every member on up to {@code rows} rows, kept for its backward pass. */
    Pass pass(int rows) {
        return new Pass(rows);
    }

    /** The layers' outputs of one forward pass, member by member, and scratch for its backward pass. */
    final class Pass {
        final int capacity;
        /** {@code out[m][l]}: member m's layer l output, (rows, widths[l + 1]). */
        final float[][][] out;
        private final float[] gradA;
        private final float[] gradB;
        /** What each member's layer 0 read, kept for the weight gradient. */
        private final float[][] input;
        private final int[] inputAt;
        private final int[] inputStride;
        private int rows;

        private Pass(int capacity) {
            this.capacity = capacity;
            this.out = new float[members][layers][];
            int widest = 0;
            for (int m = 0; m < members; m++) {
                for (int l = 0; l < layers; l++) out[m][l] = new float[capacity * widths[l + 1]];
            }
            for (int w : widths) widest = Math.max(widest, w);
            this.gradA = new float[capacity * widest];
            this.gradB = new float[capacity * widest];
            this.input = new float[members][];
            this.inputAt = new int[members];
            this.inputStride = new int[members];
        }

        /** Member {@code m}'s output, (rows, outputs). */
        float[] output(int m) {
            return out[m][layers - 1];
        }
    }

    /**
     * Member {@code m} on {@code rows} rows of {@code x} (row {@code r} at {@code at + r * stride});
     * the layers' outputs go to {@code pass}, and {@code x} must stay unchanged until its backward pass.
     */
    void forward(int m, float[] x, int at, int stride, int rows, Pass pass) {
        if (rows > pass.capacity) throw new IllegalArgumentException(rows + " rows in a pass for " + pass.capacity);
        pass.rows = rows;
        pass.input[m] = x;
        pass.inputAt[m] = at;
        pass.inputStride[m] = stride;
        if (!batched) transposeIfStale();
        float[] a = x;
        int ao = at;
        int lda = stride;
        for (int l = 0; l < layers; l++) {
            int k = m * layers + l;
            int in = widths[l];
            int out = widths[l + 1];
            float[] h = pass.out[m][l];
            HostGemm.nn(rows, out, in, a, ao, lda, inOut[k], inOutAt[k], out, h, 0, out, false);
            HostVectors.biasActivate(h, rows, out, values, biasAt[k], l < layers - 1 ? activation : outputActivation);
            a = h;
            ao = 0;
            lda = out;
        }
    }

    /**
     * Back-propagates member {@code m}'s last forward pass from the seed {@code seed} (rows,
     * outputs): writes the weight and bias gradients into {@code gradient} (storage layout; null
     * for none), and, when {@code inputGradient} is not null, the gradient of the input's columns
     * {@code from .. to - 1} into it ((rows, to - from)). The seed is not changed.
     */
    void backward(int m, Pass pass, float[] seed, float[] gradient, int from, int to, float[] inputGradient) {
        if (batched) transposeIfStale();
        int rows = pass.rows;
        float[] d = pass.gradA;
        float[] spare = pass.gradB;
        System.arraycopy(seed, 0, d, 0, rows * widths[layers]);
        for (int l = layers - 1; l >= 0; l--) {
            int k = m * layers + l;
            int in = widths[l];
            int out = widths[l + 1];
            HostVectors.derivative(l < layers - 1 ? activation : outputActivation, pass.out[m][l], d, rows * out);
            float[] x = l == 0 ? pass.input[m] : pass.out[m][l - 1];
            int xo = l == 0 ? pass.inputAt[m] : 0;
            int ldx = l == 0 ? pass.inputStride[m] : in;
            if (gradient != null) {
                if (batched) HostGemm.tn(in, out, rows, x, xo, ldx, d, 0, out, gradient, weightAt[k], out, false);
                else HostGemm.tn(out, in, rows, d, 0, out, x, xo, ldx, gradient, weightAt[k], in, false);
                HostVectors.columnSums(d, rows, out, gradient, biasAt[k]);
            }
            if (l > 0) {
                HostGemm.nn(rows, in, out, d, 0, out, outIn[k], outInAt[k], in, spare, 0, in, false);
                float[] t = d;
                d = spare;
                spare = t;
            } else if (inputGradient != null) {
                HostGemm.nn(rows, to - from, out, d, 0, out, outIn[k], outInAt[k] + from, in, inputGradient, 0, to - from, false);
            }
        }
    }

    /** Critic input rows {@code [s_b | a_b]} from (rows, obs) observations and (rows, act) actions. */
    static void join(float[] observations, int obsDim, float[] actions, int actDim, int rows, float[] into) {
        int width = obsDim + actDim;
        for (int b = 0; b < rows; b++) {
            System.arraycopy(observations, b * obsDim, into, b * width, obsDim);
            System.arraycopy(actions, b * actDim, into, b * width + obsDim, actDim);
        }
    }

    /**
     * One regression step's gradient for every member on the same input (the critics' update):
     * each member's output {@code q} against the target {@code y}, back-propagated from the seed
     * {@code scale (q - y)} into {@code gradient}. Returns the summed squares {@code sum (q - y)^2}.
     * {@code seed} is scratch of at least {@code rows} values.
     */
    double regress(float[] input, int rows, float[] y, float scale, Pass pass, float[] seed, float[] gradient) {
        double squares = 0;
        for (int m = 0; m < members; m++) {
            forward(m, input, 0, widths[0], rows, pass);
            float[] q = pass.output(m);
            for (int b = 0; b < rows; b++) {
                float e = q[b] - y[b];
                squares += (double) e * e;
                seed[b] = e * scale;
            }
            backward(m, pass, seed, gradient, 0, 0, null);
        }
        return squares;
    }
}
