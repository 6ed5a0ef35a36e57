package dev.strat.runtime.risk.barrier;

import java.util.SplittableRandom;

/**
 * Seeded random barrier problems of every kind the tests need: full-rank and singular Σ, dp with
 * ties or all zero, a_rl inside the simplex or at a vertex, and bounds below, at and above the
 * smallest achievable risk and beyond the unconstrained optimum's.
 */
final class RandomInstances {

    /** Kinds of degenerate data. */
    enum Kind { GENERIC, SINGULAR, TIES, ZERO_DP, VERTEX_ARL }

    record Instance(int n, double[] dp, double[] sigma, double[] aRl, Kind kind, boolean fullRank) {
        BarrierProblem problem(double r) {
            return new BarrierProblem(n).set(dp, sigma, aRl, r);
        }

        boolean tiesInDp() {
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (dp[i] == dp[j]) return true;
            return false;
        }
    }

    private RandomInstances() {
    }

    static Instance draw(SplittableRandom rng, int n) {
        Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
        return draw(rng, n, kind);
    }

    static Instance draw(SplittableRandom rng, int n, Kind kind) {
        // Σ = A A' / k with k factors: rank min(n, k); singular when k < n.
        int k = kind == Kind.SINGULAR ? 1 + rng.nextInt(Math.max(1, n - 1)) : n + 2 + rng.nextInt(20);
        double scale = rng.nextBoolean() ? 0.01 : 1.0;
        double[] a = new double[n * k];
        for (int i = 0; i < a.length; i++) a[i] = gaussian(rng) * scale * (0.5 + rng.nextDouble());
        double[] sigma = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int f = 0; f < k; f++) s += a[i * k + f] * a[j * k + f];
                sigma[i * n + j] = s / k;
                sigma[j * n + i] = s / k;
            }
        }
        double dpScale = rng.nextBoolean() ? 0.01 : 1.0;
        double[] dp = new double[n];
        for (int i = 0; i < n; i++) {
            dp[i] = switch (kind) {
                case ZERO_DP -> 0.0;
                case TIES -> dpScale * (rng.nextInt(3) - 1);
                default -> gaussian(rng) * dpScale;
            };
        }
        double[] aRl = new double[n];
        if (kind == Kind.VERTEX_ARL) {
            aRl[rng.nextInt(n)] = 1;
        } else {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += aRl[i] = -Math.log(1 - rng.nextDouble());
            for (int i = 0; i < n; i++) aRl[i] /= sum;
        }
        return new Instance(n, dp, sigma, aRl, kind, k >= n);
    }

    /**
     * A bound for an instance: below the minimum (infeasible), exactly at it, between it and the
     * LP end's risk, or beyond; {@code minRisk} and {@code maxRisk} bracket the interesting range.
     */
    static double bound(SplittableRandom rng, double minRisk, double maxRisk) {
        int pick = rng.nextInt(10);
        return switch (pick) {
            case 0 -> minRisk * rng.nextDouble() * 0.999 - (rng.nextBoolean() ? 0 : 0.01);
            case 1 -> minRisk;
            case 2 -> maxRisk * (1 + rng.nextDouble());
            default -> minRisk + (maxRisk - minRisk) * rng.nextDouble();
        };
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Risk of the best-dp vertex (the LP end's risk is at most this... an upper end for bounds). */
    static double maxRisk(Instance in) {
        double max = 0;
        for (int i = 0; i < in.n(); i++) max = Math.max(max, Math.sqrt(in.sigma()[i * in.n() + i]));
        return max;
    }
}
