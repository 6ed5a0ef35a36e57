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

    @Test
    void handCases() {
        SocpSolver solver = new SocpSolver(3);
        SocpSolution s = new SocpSolution(3);
        // Two uncorrelated assets of variance 1 and 4, dp prefers the risky one. x = (1 - u, u):
        // risk² = (1 - u)² + 4u²; bound r = 1 makes the constraint bind at u = 2/5.
        BarrierProblem p = new BarrierProblem(2).set(new double[]{0, 1}, new double[]{1, 0, 0, 4}, new double[]{0.5, 0.5}, 1);
        assertEquals(SocpStatus.OPTIMAL, solver.solve(p, s));
        assertEquals(0.6, s.x(0), 1e-15);
        assertEquals(0.4, s.x(1), 1e-15);
        assertEquals(0.1, s.ac(0), 1e-15);
        assertEquals(-0.1, s.ac(1), 1e-15);
        assertEquals(Math.sqrt(0.8), s.minRisk(), 1e-15); // least risk at u = 1/5
        assertTrue(s.eta() > 0 && s.residuals().max() < 1e-14);
        // A bound of 2 admits the LP vertex (0, 1): nu = 0.
        p.bound(2);
        assertEquals(SocpStatus.OPTIMAL, solver.solve(p, s));
        assertEquals(1.0, s.x(1), 0.0);
        assertEquals(0.0, s.eta(), 0.0);
        // Exactly the least risk: only (0.8, 0.2) is feasible; no finite multiplier.
        p.bound(Math.sqrt(0.8));
        assertEquals(SocpStatus.OPTIMAL_AT_MIN_RISK, solver.solve(p, s));
        assertEquals(0.2, s.x(1), 1e-12);
        assertTrue(Double.isNaN(s.residuals().dual()));
        // Below it, and negative: infeasible, zero correction, the least risk as certificate.
        p.bound(0.89);
        assertEquals(SocpStatus.INFEASIBLE, solver.solve(p, s));
        assertEquals(0.0, s.ac(0), 0.0);
        p.bound(-1);
        assertEquals(SocpStatus.INFEASIBLE, solver.solve(p, s));
        // Ties: dp equal on the two risky assets; a zero-variance third asset. The LP face is
        // {x0 + x1 = 1}; its least-risk point (0.8, 0.2, 0) meets r = 1 so nu = 0 there.
        BarrierProblem ties = new BarrierProblem(3).set(new double[]{1, 1, 0},
                new double[]{1, 0, 0, 0, 4, 0, 0, 0, 0}, new double[]{0, 0, 1}, 1);
        assertEquals(SocpStatus.OPTIMAL, solver.solve(ties, s));
        assertEquals(0.8, s.x(0), 1e-15);
        assertEquals(0.2, s.x(1), 1e-15);
        assertEquals(0.0, s.minRisk(), 0.0);
        assertTrue(s.residuals().max() < 1e-14);
    }

    @Test
    void rejectsBadProblemsClearly() {
        SocpSolver solver = new SocpSolver(2);
        SocpSolution s = new SocpSolution(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.solve(
                new BarrierProblem(2).set(new double[]{0, 1}, new double[]{1, 0, 0, 1}, new double[]{0.5, 0.4}, 1), s));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> solver.solve(
                new BarrierProblem(2).set(new double[]{Double.NaN, 1}, new double[]{1, 0, 0, 1}, new double[]{0.5, 0.5}, 1), s));
        assertTrue(e.getMessage().contains("dp[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BarrierProblem(2).set(new double[]{0, 1}, new double[]{1, 0, 0}, new double[]{0.5, 0.5}, 1));
        assertTrue(e.getMessage().contains("Σ needs 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new BarrierProblem(3).set(new double[3], new double[9], new double[]{1, 0, 0}, 1), s));
    }
}
