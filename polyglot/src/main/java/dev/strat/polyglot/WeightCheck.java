package dev.strat.polyglot;

import org.graalvm.polyglot.Value;

import java.util.List;
import java.util.Optional;

/**
 * Reads what a guest function returned into a host array, and says what is wrong with it. The
 * checks are those the backtester relies on: the right length, finite numbers, and for weights no
 * short positions and a sum of one.
 */
final class WeightCheck {

    /** How far a sum of weights may stray from 1 (guest arithmetic is double, like ours). */
    static final double SUM_TOLERANCE = 1e-6;

    private WeightCheck() {
    }

    /**
     * Reads {@code result} into {@code out}: N + 1 weights (cash last) as returned, or N weights
     * with cash taking the rest.
     *
     * @return the problem, or empty when {@code out} now holds valid weights
     */
    static Optional<String> weights(Value result, double[] out) {
        int n = out.length - 1;
        Optional<String> read = numbers(result, out, List.of(n, n + 1), n + " weights (one per asset) or " + (n + 1) + " (cash last)");
        if (read.isPresent()) return read;
        boolean withCash = result.getArraySize() == n + 1;
        double sum = 0;
        int upTo = withCash ? n + 1 : n;
        for (int k = 0; k < upTo; k++) {
            if (out[k] < 0) return Optional.of("weight " + k + " is negative (" + out[k] + "): weights are long-only");
            sum += out[k];
        }
        if (withCash) {
            if (Math.abs(sum - 1) > SUM_TOLERANCE) return Optional.of("weights sum to " + sum + ", not 1");
        } else {
            if (sum > 1 + SUM_TOLERANCE) return Optional.of("weights sum to " + sum + ", more than 1");
            out[n] = Math.max(0, 1 - sum);
        }
        return Optional.empty();
    }

    /** Reads exactly {@code out.length} finite numbers. */
    static Optional<String> numbers(Value result, double[] out) {
        return numbers(result, out, List.of(out.length), Integer.toString(out.length));
    }

    private static Optional<String> numbers(Value result, double[] out, List<Integer> sizes, String expected) {
        if (result == null || !result.hasArrayElements()) {
            return Optional.of("returned " + (result == null || result.isNull() ? "nothing" : result.toString()) + ", expected an array of " + expected + " numbers");
        }
        long size = result.getArraySize();
        if (!sizes.contains((int) size)) return Optional.of("returned " + size + " values, expected " + expected);
        for (int k = 0; k < size; k++) {
            Value v = result.getArrayElement(k);
            if (!v.isNumber() || !v.fitsInDouble()) return Optional.of("value " + k + " is not a number: " + v);
            double d = v.asDouble();
            if (!Double.isFinite(d)) return Optional.of("value " + k + " is " + d);
            out[k] = d;
        }
        return Optional.empty();
    }
}
