package dev.strat.runtime.risk.barrier;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.strat.runtime.risk.barrier.SocpSolverTest.assertCertified;
import static dev.strat.runtime.risk.barrier.SocpSolverTest.maxVariance;
import static dev.strat.runtime.risk.barrier.SocpSolverTest.objectiveScale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Up to ten assets against the slow route of the reference formulas: ojAlgo's QP for the least
 * risk, and bisection on nu over ojAlgo QPs for the optimum.
 */
class SocpSolverReferenceTest {

    /** Every solve of many instances is certified by its own KKT residuals. */
    @Test
    void everySolveIsCertified() {
        SplittableRandom rng = new SplittableRandom(5);
        SocpSolver solver = new SocpSolver(12);
        SocpSolution s = new SocpSolution(12);
        int[] statuses = new int[SocpStatus.values().length];
        double worst = 0;
        int qps = 0;
        for (int k = 0; k < 10_000; k++) {
            int n = 2 + rng.nextInt(11);
            RandomInstances.Instance in = RandomInstances.draw(rng, n);
            solver.solve(in.problem(1e9), s);
            double r = RandomInstances.bound(rng, s.minRisk(), RandomInstances.maxRisk(in));
            BarrierProblem p = in.problem(r);
            statuses[solver.solve(p, s).ordinal()]++;
            assertCertified(p, s, "instance " + k + " " + in.kind() + " n=" + n + " r=" + r);
            if (s.status() == SocpStatus.OPTIMAL) worst = Math.max(worst, s.residuals().max());
            qps = Math.max(qps, s.qpSolves());
        }
        System.err.println("worst KKT residual " + worst + ", most QPs in a solve " + qps + ", statuses " + java.util.Arrays.toString(statuses));
        assertEquals(0, statuses[SocpStatus.ITERATION_LIMIT.ordinal()]);
        for (SocpStatus st : new SocpStatus[]{SocpStatus.OPTIMAL, SocpStatus.OPTIMAL_AT_MIN_RISK, SocpStatus.INFEASIBLE}) {
            assertTrue(statuses[st.ordinal()] > 500, st + " only " + statuses[st.ordinal()]);
        }
    }

    @Test
    void agreesWithOjalgoBisection() {
        SplittableRandom rng = new SplittableRandom(23);
        SocpSolver solver = new SocpSolver(10);
        SocpSolution s = new SocpSolution(10);
        int compared = 0, xCompared = 0, infeasible = 0;
        long start = System.nanoTime();
        for (int k = 0; k < 120; k++) {
            int n = 4 + rng.nextInt(7);
            // ojAlgo's QP is only accurate on well-scaled data: unit-scale Σ and dp here.
            RandomInstances.Instance in = RandomInstances.draw(rng, n);
            if (!in.fullRank()) continue; // ojAlgo's QP stalls on singular Σ at large nu; brute force covers those
            solver.solve(in.problem(1e9), s);
            double minRisk = OjalgoReference.minRisk(in.sigma());
            String what = "instance " + k + " " + in.kind() + " n=" + n;
            assertEquals(minRisk * minRisk, s.minRisk() * s.minRisk(), 1e-9 * maxVariance(in.problem(1)), what + ": least risk");
            double r = RandomInstances.bound(rng, s.minRisk(), RandomInstances.maxRisk(in));
            if (r > 0 && Math.abs(r * r - minRisk * minRisk) < 1e-6 * maxVariance(in.problem(1))) continue; // at the minimum: below ojAlgo's accuracy
            BarrierProblem p = in.problem(r);
            SocpStatus status = solver.solve(p, s);
            assertCertified(p, s, what);
            double[] reference = OjalgoReference.solve(in.dp(), in.sigma(), r);
            if (status == SocpStatus.INFEASIBLE) {
                infeasible++;
                assertTrue(reference == null, what + ": ojAlgo found the bound feasible");
                continue;
            }
            assertNotNull(reference, what + ": ojAlgo found no feasible point");
            double value = 0;
            for (int i = 0; i < n; i++) value -= in.dp()[i] * reference[i];
            assertEquals(value, s.objective(), 1e-7 * objectiveScale(in.dp()), what);
            compared++;
            if (in.fullRank() && !in.tiesInDp()) {
                double[] x = new double[n];
                s.copyX(x);
                assertArrayEquals(reference, x, 1e-6, what);
                xCompared++;
            }
        }
        System.err.println("ojAlgo route: " + (System.nanoTime() - start) / 1e9 + " s for " + compared);
        assertTrue(compared > 20 && xCompared > 10 && infeasible > 2, compared + " compared, " + xCompared + " x, " + infeasible + " infeasible");
    }
}
