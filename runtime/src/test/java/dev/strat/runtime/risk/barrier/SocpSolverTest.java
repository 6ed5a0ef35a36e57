package dev.strat.runtime.risk.barrier;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocpSolverTest {

    static final double KKT = 1e-8;

    /** Every solve's own certificate: KKT residuals for OPTIMAL, primal feasibility otherwise. */
    static void assertCertified(BarrierProblem p, SocpSolution s, String what) {
        KktResiduals k = s.residuals();
        switch (s.status()) {
            case OPTIMAL -> assertTrue(k.max() < KKT, what + ": KKT residuals " + k.primal() + " " + k.dual() + " "
                    + k.complementarity() + " " + k.gap());
            case OPTIMAL_AT_MIN_RISK -> {
                assertTrue(k.primal() < KKT, what + ": primal " + k.primal());
                // Compared squared: the quadratic form is exact to rounding, its square root is not near 0.
                assertEquals(s.minRisk() * s.minRisk(), s.risk() * s.risk(), 1e-13 * maxVariance(p), what);
            }
            case INFEASIBLE -> assertTrue(p.bound() < s.minRisk(), what);
            case ITERATION_LIMIT -> throw new AssertionError(what + ": iteration limit");
        }
    }

    static double maxVariance(BarrierProblem p) {
        double m = 0;
        for (int i = 0; i < p.assets(); i++) m = Math.max(m, p.sigma()[i * p.assets() + i]);
        return m;
    }

    static double objectiveScale(double[] dp) {
        double m = 0;
        for (double d : dp) m = Math.max(m, Math.abs(d));
        return Math.max(m, 1e-300);
    }

    @Test
    void agreesWithExactEnumerationOnTwoAndThreeAssets() {
        SplittableRandom rng = new SplittableRandom(11);
        SocpSolver solver = new SocpSolver(3);
        SocpSolution s = new SocpSolution(3);
        int infeasible = 0, atMin = 0, binding = 0, slack = 0, xCompared = 0;
        for (int k = 0; k < 6000; k++) {
            int n = 2 + (k % 2);
            RandomInstances.Instance in = RandomInstances.draw(rng, n);
            SocpSolution probe = new SocpSolution(n);
            solver.solve(in.problem(1e9), probe);
            double r = RandomInstances.bound(rng, probe.minRisk(), RandomInstances.maxRisk(in));
            BarrierProblem p = in.problem(r);
            SocpStatus status = solver.solve(p, s);
            String what = "instance " + k + " " + in.kind() + " n=" + n + " r=" + r;
            assertCertified(p, s, what);
            double[] brute = BruteForce.solve(in.dp(), in.sigma(), r);
            if (status == SocpStatus.INFEASIBLE) {
                infeasible++;
                assertNull(brute, what + ": brute force found a feasible point");
                continue;
            }
            assertNotNull(brute, what + ": brute force found nothing feasible");
            switch (status) {
                case OPTIMAL_AT_MIN_RISK -> atMin++;
                default -> {
                    if (s.eta() > 0) binding++;
                    else slack++;
                }
            }
            double bruteValue = 0;
            for (int i = 0; i < n; i++) bruteValue -= in.dp()[i] * brute[i];
            assertEquals(bruteValue, s.objective(), 1e-7 * objectiveScale(in.dp()), what);
            if (in.fullRank() && !in.tiesInDp()) {
                double[] x = new double[n];
                s.copyX(x);
                assertArrayEquals(brute, x, 1e-6, what);
                xCompared++;
            }
        }
        assertTrue(infeasible > 300 && atMin > 300 && binding > 1500 && slack > 300 && xCompared > 1500,
                infeasible + " infeasible, " + atMin + " at the minimum, " + binding + " binding, " + slack + " slack, " + xCompared + " x compared");
    }
}
