package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The policies that need no learning: uniform random, fixed, equal and given weights. */
public final class Policies {

    private Policies() {
    }

    /**
     * A uniformly random member at every choice, drawn from {@code random(owner + "/policy")}:
     * the HRP/HERC switching paper's random high-level baseline. Same seed, same choices.
     */
    public static SwitchPolicy random() {
        return new RandomChoice();
    }

    /** Always member {@code index}: the switch then behaves exactly as that member alone. */
    public static SwitchPolicy fixed(int index) {
        if (index < 0) throw new IllegalArgumentException("fixed member index must be >= 0, got " + index);
        return new FixedChoice(index);
    }

    /** The same weight 1/M on each of the M members. */
    public static BlendPolicy equal() {
        return new Mix("equal", null);
    }

    /**
     * Constant weights, one per member, non-negative and summing to 1 (within 1e-6; the small
     * remainder is normalised away).
     */
    public static BlendPolicy mix(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("mix weights must be finite and >= 0, got " + w);
            sum += w;
        }
        if (weights.length == 0 || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("mix weights must sum to 1, they sum to " + sum);
        }
        double[] w = weights.clone();
        for (int k = 0; k < w.length; k++) w[k] /= sum;
        StringBuilder label = new StringBuilder("mix(weights=[");
        for (int k = 0; k < weights.length; k++) label.append(k > 0 ? ", " : "").append(weights[k]);
        return new Mix(label.append("])").toString(), w);
    }

    private static final class RandomChoice implements SwitchPolicy {
        private SplittableRandom random;
        private int members;

        @Override
        public String label() {
            return "random";
        }

        @Override
        public void reset(RunSetup setup, String owner, int members) {
            this.random = setup.random(owner + "/policy");
            this.members = members;
        }

        @Override
        public int choose(History history, TrackRecord record) {
            return random.nextInt(members);
        }
    }

    private record FixedChoice(int index) implements SwitchPolicy {
        @Override
        public String label() {
            return "fixed(index=" + index + ")";
        }

        @Override
        public void reset(RunSetup setup, String owner, int members) {
            if (index >= members) {
                throw new IllegalArgumentException("fixed(index=" + index + ") needs at least " + (index + 1) + " members, got " + members);
            }
        }

        @Override
        public int choose(History history, TrackRecord record) {
            return index;
        }
    }

    /** Constant weights; {@code weights == null} means equal. */
    private static final class Mix implements BlendPolicy {
        private final String label;
        private final double[] weights;

        Mix(String label, double[] weights) {
            this.label = label;
            this.weights = weights;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void reset(RunSetup setup, String owner, int members) {
            if (weights != null && weights.length != members) {
                throw new IllegalArgumentException(label + " has " + weights.length + " weights for " + members + " members");
            }
        }

        @Override
        public void weigh(History history, TrackRecord record, double[] out) {
            if (weights == null) Arrays.fill(out, 1.0 / out.length);
            else System.arraycopy(weights, 0, out, 0, out.length);
        }
    }
}
