package dev.strat.runtime.allocators;

/**
 * Small helpers on weight vectors ({@code N + 1} entries, cash last) shared by the allocators.
 */
public final class Weights {

    private Weights() {
    }

    /** Everything in cash. */
    public static void cash(double[] out) {
        java.util.Arrays.fill(out, 0.0);
        out[out.length - 1] = 1.0;
    }

    /** 1/N in every asset, no cash. */
    public static void uniform(double[] out) {
        int n = out.length - 1;
        for (int i = 0; i < n; i++) out[i] = 1.0 / n;
        out[n] = 0.0;
    }

    /** Copies N asset weights into {@code out} and sets cash to zero (fully invested). */
    public static void invested(double[] assets, double[] out) {
        int n = out.length - 1;
        System.arraycopy(assets, 0, out, 0, n);
        out[n] = 0.0;
    }

    /**
     * Equal weight over the assets flagged in {@code chosen}, cash when none is; returns how many
     * were chosen.
     */
    public static int equalOver(boolean[] chosen, double[] out) {
        int n = out.length - 1, count = 0;
        for (int i = 0; i < n; i++) if (chosen[i]) count++;
        if (count == 0) {
            cash(out);
            return 0;
        }
        for (int i = 0; i < n; i++) out[i] = chosen[i] ? 1.0 / count : 0.0;
        out[n] = 0.0;
        return count;
    }

    /** Dot product of the first {@code n} entries. */
    public static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }
}
