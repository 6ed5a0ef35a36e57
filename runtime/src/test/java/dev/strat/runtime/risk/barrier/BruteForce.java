package dev.strat.runtime.risk.barrier;

/**
 * The barrier problem for two or three assets by exact enumeration of the faces of the simplex:
 * a linear objective over (simplex ∩ ellipsoid) attains its maximum at a feasible vertex, at an
 * end of an edge's feasible interval (a 1-D quadratic inequality, solved in closed form), or, for
 * three assets, where the ellipse's boundary inside the triangle touches the objective's level
 * line (closed form when the 2 x 2 reduced Σ is positive definite; when it is singular the set is
 * a strip, whose extreme points lie on edges). Returns the best candidate's x, or null when no
 * point is feasible. Independent of {@link SocpSolver}: no active sets, no parametric QP.
 */
final class BruteForce {

    private BruteForce() {
    }

    static double[] solve(double[] dp, double[] sigma, double r) {
        final int n = dp.length;
        if (n < 2 || n > 3) throw new IllegalArgumentException("brute force handles 2 or 3 assets");
        if (r < 0) return null; // a norm is never negative
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        double diag = 0;
        for (int i = 0; i < n; i++) diag = Math.max(diag, sigma[i * n + i]);
        final double slack = 1e-14 * n * diag; // the rounding of the quadratic form, as the solver allows
        // Edges (and vertices as their ends).
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // x = u e_i + (1 - u) e_j: quad = A u^2 + B u + C
                double sii = sigma[i * n + i], sjj = sigma[j * n + j], sij = sigma[i * n + j];
                double A = sii - 2 * sij + sjj, B = 2 * (sij - sjj), C = sjj;
                double[] ends = interval(A, B, C - r * r, slack);
                if (ends == null) continue;
                for (double u : ends) {
                    double[] x = new double[n];
                    x[i] = u;
                    x[j] = 1 - u;
                    double value = dp[i] * x[i] + dp[j] * x[j];
                    if (value > bestValue) {
                        bestValue = value;
                        best = x;
                    }
                }
            }
        }
        if (n == 3) {
            double[] x = interiorTangent(dp, sigma, r);
            if (x != null) {
                double value = dp[0] * x[0] + dp[1] * x[1] + dp[2] * x[2];
                if (value > bestValue) best = x;
            }
        }
        return best;
    }

    /** Feasible [u1, u2] ∩ [0, 1] of A u^2 + B u + C <= 0 (A >= 0), or null. */
    private static double[] interval(double a, double b, double c, double slack) {
        double lo, hi;
        if (a <= 1e-300) {
            if (Math.abs(b) <= 1e-300) return c <= slack ? new double[]{0, 1} : null;
            double root = -c / b;
            if (b > 0) {
                lo = 0;
                hi = root;
            } else {
                lo = root;
                hi = 1;
            }
        } else {
            double disc = b * b - 4 * a * c;
            if (disc < 0) {
                if (disc > -4 * a * slack) disc = 0;
                else return null;
            }
            double sq = Math.sqrt(disc);
            // stable roots
            double q = -0.5 * (b + Math.copySign(sq, b));
            double r1 = q / a, r2 = q != 0 ? c / q : r1;
            lo = Math.min(r1, r2);
            hi = Math.max(r1, r2);
        }
        lo = Math.max(lo, 0);
        hi = Math.min(hi, 1);
        if (lo > hi) {
            if (lo - hi < 1e-12) hi = lo;
            else return null;
        }
        return new double[]{lo, hi};
    }

    /** For n = 3: x = (y1, y2, 1 - y1 - y2) maximising dp'x on x'Σx = r^2, if inside the triangle. */
    private static double[] interiorTangent(double[] dp, double[] s, double r) {
        // x = e3 + Z y with Z = [[1,0],[0,1],[-1,-1]]; quad(y) = y'Hy + 2 b'y + c
        double[][] z = {{1, 0}, {0, 1}, {-1, -1}};
        double[][] h = new double[2][2];
        double[] b = new double[2];
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                double v = 0;
                for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) v += z[i][a] * s[i * 3 + j] * z[j][c];
                h[a][c] = v;
            }
            double v = 0;
            for (int i = 0; i < 3; i++) v += z[i][a] * s[i * 3 + 2];
            b[a] = v;
        }
        double c0 = s[8];
        double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        if (!(det > 1e-12 * (h[0][0] * h[1][1]) && det > 0)) return null;
        double[][] inv = {{h[1][1] / det, -h[0][1] / det}, {-h[1][0] / det, h[0][0] / det}};
        // centre y0 = -H^{-1} b; quad = (y - y0)'H(y - y0) + c0 - b'H^{-1}b
        double[] y0 = {-(inv[0][0] * b[0] + inv[0][1] * b[1]), -(inv[1][0] * b[0] + inv[1][1] * b[1])};
        double rest = c0 + b[0] * y0[0] + b[1] * y0[1];
        double radius2 = r * r - rest;
        if (radius2 < 0 && radius2 > -3e-14 * Math.max(Math.max(s[0], s[4]), s[8])) radius2 = 0; // r at the least risk, to rounding
        if (radius2 < 0) return null;
        // objective gradient in y: g = Z'dp
        double[] g = {dp[0] - dp[2], dp[1] - dp[2]};
        double[] hg = {inv[0][0] * g[0] + inv[0][1] * g[1], inv[1][0] * g[0] + inv[1][1] * g[1]};
        double norm = Math.sqrt(g[0] * hg[0] + g[1] * hg[1]);
        // A constant objective on the plane: the centre, if feasible and inside, is as good as any.
        double k = norm > 0 ? Math.sqrt(radius2) / norm : 0;
        double y1 = y0[0] + k * hg[0], y2 = y0[1] + k * hg[1];
        double[] x = {y1, y2, 1 - y1 - y2};
        for (double v : x) if (v < 0 || v > 1) return null;
        return x;
    }
}
