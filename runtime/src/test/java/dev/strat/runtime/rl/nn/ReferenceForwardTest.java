package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The structured modules against plain-Java forward passes written from the formulas, so that
 * axis orders (columns folded into the batch, PyTorch's r, z, n gate layout, softmax axes) are
 * checked, not just that autograd agrees with the forward pass.
 */
class ReferenceForwardTest {

    private static final int BATCH = 2;
    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static NetContext context(long seed) {
        return NetContext.torchDefault(root, new SplittableRandom(seed));
    }

    private static double[][] matrix(Param p) {
        long[] shape = p.value().getShape().getShape();
        int rows = (int) shape[0];
        int cols = shape.length == 1 ? 1 : (int) (p.value().size() / rows);
        float[] v = p.value().toFloatArray();
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[r][c] = v[r * cols + c];
        return m;
    }

    private static double[] vector(Param p) {
        float[] v = p.value().toFloatArray();
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    private static double[] affine(double[][] w, double[] b, double[] x) {
        double[] y = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            double s = b == null ? 0 : b[o];
            for (int i = 0; i < x.length; i++) s += w[o][i] * x[i];
            y[o] = s;
        }
        return y;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double[] softmax(double[] e) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : e) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[e.length];
        for (int i = 0; i < e.length; i++) sum += p[i] = Math.exp(e[i] - max);
        for (int i = 0; i < e.length; i++) p[i] /= sum;
        return p;
    }

    @Test
    void cnnConvolvesEachColumnWithSharedFilters() {
        ObservationLayout layout = new ObservationLayout(5, 3, 2, 2);
        int kernel = 2;
        List<Integer> filters = List.of(3, 2);
        Cnn net = new Cnn(context(1), "cnn", layout, filters, kernel, Activation.TANH, features -> null);
        float[] x = NnFixture.randoms(BATCH * layout.size(), 2);
        float[] got = NnFixture.forward(root, net, x, BATCH, Mode.EVAL).values();
        List<Param> p = net.parameters();
        int width = layout.window() - filters.size() * (kernel - 1);
        int perSample = net.outputSize();
        assertEquals(layout.columns() * filters.get(1) * width + layout.flat(), perSample);
        for (int b = 0; b < BATCH; b++) {
            int base = b * layout.size();
            for (int c = 0; c < layout.columns(); c++) {
                double[][] seq = new double[layout.channels()][layout.window()];
                for (int t = 0; t < layout.window(); t++) {
                    for (int f = 0; f < layout.channels(); f++) seq[f][t] = x[base + (t * layout.columns() + c) * layout.channels() + f];
                }
                for (int k = 0; k < filters.size(); k++) {
                    float[] w = p.get(2 * k).value().toFloatArray();
                    float[] bias = p.get(2 * k + 1).value().toFloatArray();
                    int in = seq.length;
                    int outWidth = seq[0].length - kernel + 1;
                    double[][] next = new double[filters.get(k)][outWidth];
                    for (int o = 0; o < filters.get(k); o++) {
                        for (int t = 0; t < outWidth; t++) {
                            double s = bias[o];
                            for (int i = 0; i < in; i++) for (int j = 0; j < kernel; j++) s += w[(o * in + i) * kernel + j] * seq[i][t + j];
                            next[o][t] = Math.tanh(s);
                        }
                    }
                    seq = next;
                }
                for (int o = 0; o < seq.length; o++) {
                    for (int t = 0; t < width; t++) {
                        int at = b * perSample + c * seq.length * width + o * width + t;
                        assertEquals(seq[o][t], got[at], 1e-5, "sample " + b + " column " + c + " map " + o + " t " + t);
                    }
                }
            }
            for (int i = 0; i < layout.flat(); i++) {
                assertEquals(x[base + layout.tensorSize() + i], got[(b + 1) * perSample - layout.flat() + i], "flat part joined");
            }
        }
    }

    /** U' (columns x d_k) per sample, from the formulas. */
    private static double[][][] attention(GruAttention net, float[] x, ObservationLayout layout, int hidden) {
        List<Param> p = net.parameters();
        double[][] wIh = matrix(p.get(0));
        double[][] wHh = matrix(p.get(1));
        double[] bIh = vector(p.get(2));
        double[] bHh = vector(p.get(3));
        double[][] wa = matrix(p.get(4));
        double[] ba = vector(p.get(5));
        double[] v = vector(p.get(6));
        double[][] wq = matrix(p.get(7));
        double[][] wk = matrix(p.get(8));
        double[][] wv = matrix(p.get(9));
        int columns = layout.columns();
        int window = layout.window();
        double[][][] mixed = new double[BATCH][][];
        for (int b = 0; b < BATCH; b++) {
            double[][] u = new double[columns][];
            for (int c = 0; c < columns; c++) {
                double[] h = new double[hidden];
                double[][] states = new double[window][];
                for (int t = 0; t < window; t++) {
                    double[] in = new double[layout.channels()];
                    for (int f = 0; f < in.length; f++) in[f] = x[b * layout.size() + (t * columns + c) * layout.channels() + f];
                    double[] gi = affine(wIh, bIh, in);
                    double[] gh = affine(wHh, bHh, h);
                    double[] next = new double[hidden];
                    for (int j = 0; j < hidden; j++) {
                        double r = sigmoid(gi[j] + gh[j]);
                        double z = sigmoid(gi[hidden + j] + gh[hidden + j]);
                        double n = Math.tanh(gi[2 * hidden + j] + r * gh[2 * hidden + j]);
                        next[j] = (1 - z) * n + z * h[j];
                    }
                    h = next;
                    states[t] = h;
                }
                double[] e = new double[window];
                for (int t = 0; t < window; t++) {
                    double[] a = affine(wa, ba, states[t]);
                    for (int j = 0; j < hidden; j++) e[t] += v[j] * Math.tanh(a[j]);
                }
                double[] alpha = softmax(e);
                u[c] = new double[hidden];
                for (int t = 0; t < window; t++) for (int j = 0; j < hidden; j++) u[c][j] += alpha[t] * states[t][j];
            }
            double[][] q = new double[columns][];
            double[][] k = new double[columns][];
            double[][] val = new double[columns][];
            for (int c = 0; c < columns; c++) {
                q[c] = affine(wq, null, u[c]);
                k[c] = affine(wk, null, u[c]);
                val[c] = affine(wv, null, u[c]);
            }
            int dk = q[0].length;
            mixed[b] = new double[columns][dk];
            for (int i = 0; i < columns; i++) {
                double[] s = new double[columns];
                for (int j = 0; j < columns; j++) {
                    for (int d = 0; d < dk; d++) s[j] += q[i][d] * k[j][d];
                    s[j] /= Math.sqrt(dk);
                }
                double[] a = softmax(s);
                for (int j = 0; j < columns; j++) for (int d = 0; d < dk; d++) mixed[b][i][d] += a[j] * val[j][d];
            }
        }
        return mixed;
    }

    @Test
    void gruAttentionScoresFollowTheFormulas() {
        ObservationLayout layout = new ObservationLayout(4, 3, 2, 1);
        int hidden = 3;
        GruAttention net = new GruAttention(context(3), "g", layout, hidden, 2, layout.columns(), Activation.IDENTITY);
        float[] x = NnFixture.randoms(BATCH * layout.size(), 4);
        float[] got = NnFixture.forward(root, net, x, BATCH, Mode.EVAL).values();
        double[][][] mixed = attention(net, x, layout, hidden);
        List<Param> p = net.parameters();
        double[] ws = vector(p.get(10));
        double bs = vector(p.get(11))[0];
        for (int b = 0; b < BATCH; b++) {
            for (int c = 0; c < layout.columns(); c++) {
                double s = bs;
                for (int d = 0; d < ws.length; d++) s += ws[d] * mixed[b][c][d];
                assertEquals(Math.tanh(s), got[b * layout.columns() + c], 1e-5, "score of sample " + b + " column " + c);
            }
        }
    }

    @Test
    void gruAttentionFeaturesAreTheFlattenedMixAndTheFlatPart() {
        ObservationLayout layout = new ObservationLayout(3, 2, 1, 2);
        int hidden = 4;
        int dk = 3;
        GruAttention net = new GruAttention(context(5), "g", layout, hidden, dk, 0, Activation.IDENTITY);
        float[] x = NnFixture.randoms(BATCH * layout.size(), 6);
        float[] got = NnFixture.forward(root, net, x, BATCH, Mode.EVAL).values();
        double[][][] mixed = attention(net, x, layout, hidden);
        int width = layout.columns() * dk + layout.flat();
        assertEquals(width, net.outputSize());
        for (int b = 0; b < BATCH; b++) {
            for (int c = 0; c < layout.columns(); c++) {
                for (int d = 0; d < dk; d++) assertEquals(mixed[b][c][d], got[b * width + c * dk + d], 1e-5);
            }
            for (int i = 0; i < layout.flat(); i++) assertEquals(x[b * layout.size() + layout.tensorSize() + i], got[b * width + layout.columns() * dk + i]);
        }
    }
}
