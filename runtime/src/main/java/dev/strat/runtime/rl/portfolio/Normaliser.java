package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-element standardisation of observations: {@code x' = clip((x - mean) / std, -CLIP, CLIP)}.
 * Fitted on the train split only and saved with the model, so validation, test and later
 * backtests see the inputs scaled exactly as training saw them.
 *
 * <p>The clip at +-{@value #CLIP} keeps an outlier (a crash day, a split the data missed) from
 * saturating a network far outside anything it was trained on, as SB3's VecNormalize does
 * (its default clip is 10 too). Elements that barely vary on the train split (std below
 * {@value #STD_FLOOR}, e.g. cash columns or account features under the all-cash fitting
 * account) get std 1, so they are only centred.
 */
public final class Normaliser {

    /** Normalised values are clipped to {@code [-CLIP, CLIP]}. */
    public static final double CLIP = 10;
    /** Standard deviations below this are replaced by 1. */
    public static final double STD_FLOOR = 1e-8;

    private static final int MAGIC = 0x4E4F524D; // "NORM"

    private final double[] mean;
    private final double[] std;

    private Normaliser(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** The normaliser that changes nothing but the clip: mean 0, std 1. */
    public static Normaliser identity(int size) {
        double[] ones = new double[size];
        Arrays.fill(ones, 1.0);
        return new Normaliser(new double[size], ones);
    }

    /**
     * Fits mean and standard deviation of every observation element over the decision bars
     * {@code firstBar .. lastBar - 1} of {@code market}. Only bars up to {@code lastBar - 1} are
     * read. Account features see an all-cash account at its initial wealth (the policy that
     * produced the training data is not known when fitting).
     */
    public static Normaliser fit(Observations observations, MarketData market, int firstBar, int lastBar) {
        if (firstBar + 1 < observations.warmup()) {
            throw new IllegalArgumentException("normaliser fit starts at bar " + firstBar + " but the observation's warm-up needs "
                    + observations.warmup() + " bars visible (first bar at least " + (observations.warmup() - 1) + ")");
        }
        if (lastBar <= firstBar || lastBar > market.bars()) {
            throw new IllegalArgumentException("normaliser fit needs firstBar < lastBar <= bars (" + market.bars() + "), got "
                    + firstBar + ".." + lastBar);
        }
        final int size = observations.size();
        final int n = market.assets();
        final double[] cash = new double[n + 1];
        cash[n] = 1;
        final AccountState account = new AccountState(cash, 1, 1);
        final float[] obs = new float[size];
        // Welford's update: one pass, no catastrophic cancellation on large means.
        final double[] mean = new double[size];
        final double[] m2 = new double[size];
        final History.Cursor cursor = History.cursor(market, firstBar);
        int count = 0;
        for (int t = firstBar; t < lastBar; t++) {
            cursor.advanceTo(t);
            observations.write(cursor.view(), account, obs);
            count++;
            for (int k = 0; k < size; k++) {
                final double x = obs[k];
                if (!Double.isFinite(x)) {
                    throw new IllegalStateException("observation " + observations.elementLabel(k) + " is " + x + " at bar " + t
                            + " (" + market.date(t) + ")");
                }
                final double d = x - mean[k];
                mean[k] += d / count;
                m2[k] += d * (x - mean[k]);
            }
        }
        final double[] std = new double[size];
        for (int k = 0; k < size; k++) {
            final double s = count > 1 ? Math.sqrt(m2[k] / (count - 1)) : 0;
            std[k] = s < STD_FLOOR ? 1 : s;
        }
        return new Normaliser(mean, std);
    }

    /**
     * A normaliser from accumulated moments (Welford's {@code mean} and {@code m2} over
     * {@code count} observations), with the same floor on the standard deviation as {@link #fit}.
     */
    public static Normaliser fromMoments(double[] mean, double[] m2, int count) {
        final double[] std = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
            final double s = count > 1 ? Math.sqrt(m2[k] / (count - 1)) : 0;
            std[k] = s < STD_FLOOR ? 1 : s;
        }
        return new Normaliser(mean.clone(), std);
    }

    public int size() { return mean.length; }

    public double mean(int k) { return mean[k]; }

    public double std(int k) { return std[k]; }

    /** Normalises {@code obs} in place and clips to {@code [-CLIP, CLIP]}. */
    public void apply(float[] obs) {
        if (obs.length < mean.length) throw new IllegalArgumentException("observation has " + obs.length + " values, normaliser " + mean.length);
        for (int k = 0; k < mean.length; k++) {
            final double z = (obs[k] - mean[k]) / std[k];
            obs[k] = (float) Math.max(-CLIP, Math.min(CLIP, z));
        }
    }

    /** {@link #save} into bytes, the form a checkpoint stores beside the networks. */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            save(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(mean.length);
        for (double m : mean) out.writeDouble(m);
        for (double s : std) out.writeDouble(s);
    }

    public static Normaliser load(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException("not a saved normaliser");
        int size = in.readInt();
        if (size < 0) throw new IOException("corrupt normaliser: size " + size);
        double[] mean = new double[size];
        double[] std = new double[size];
        for (int k = 0; k < size; k++) mean[k] = in.readDouble();
        for (int k = 0; k < size; k++) {
            std[k] = in.readDouble();
            if (!(std[k] > 0)) throw new IOException("corrupt normaliser: std " + std[k] + " at " + k);
        }
        return new Normaliser(mean, std);
    }
}
