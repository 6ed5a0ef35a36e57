package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CornTest {

    // relatives x1 = (1.1, 1.0), x2 = (0.9, 1.1), x3 = (1.2, 1.0), x4 = (1.2, 1.0)
    private final MarketData m = Drive.market(
            new double[]{10, 10},
            new double[]{11, 10},
            new double[]{9.9, 11},
            new double[]{11.88, 11},
            new double[]{14.256, 11});

    @Test
    void logOptimalOverTheDaysAfterCorrelatedWindows() {
        // window 1: a 2-asset window correlates +1 with the latest when the same asset led. Latest
        // x4 has A ahead; x1 and x3 match (next days x2, x4), x2 does not. Log-optimal over
        // {(0.9, 1.1), (1.2, 1.0)}: d/db [log(1.1 - 0.2b) + log(1 + 0.2b)] = 0 at b = 1/4.
        Corn corn = new Corn("corn", 1, 0.5, 1000);
        assertEquals(2, corn.warmup());
        double[][] w = Drive.run(corn, m, 4, 4);
        assertArrayEquals(new double[]{0.25, 0.75, 0}, w[0], 1e-9);
    }

    @Test
    void scanCapLimitsTheMatches() {
        // scanning only the window ending at bar 3 leaves {(1.2, 1.0)}: all in A
        double[][] w = Drive.run(new Corn("corn", 1, 0.5, 1), m, 4, 4);
        assertArrayEquals(new double[]{1, 0, 0}, w[0], 1e-9);
    }

    @Test
    void uniformWithoutMatches() {
        // at bar 2 the latest window x2 has B ahead; the only earlier window x1 has A ahead
        double[][] w = Drive.run(new Corn("corn", 1, 0.5, 1000), m, 2, 2);
        assertArrayEquals(new double[]{0.5, 0.5, 0}, w[0], 1e-12);
    }

    @Test
    void logOptimalSolverMatchesClosedForms() {
        LogOptimal solver = new LogOptimal(2);
        double[] b = new double[2];
        solver.solve(new double[]{0.9, 1.1, 1.2, 1.0}, 2, b);
        assertArrayEquals(new double[]{0.25, 0.75}, b, 1e-9);
        solver.solve(new double[]{1.3, 1.0}, 1, b);
        assertArrayEquals(new double[]{1, 0}, b, 1e-9);
        solver.solve(new double[0], 0, b);
        assertArrayEquals(new double[]{0.5, 0.5}, b, 0);
    }

    @Test
    void logOptimalSatisfiesTheKktConditionsOnRandomProblems() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(8), k = 1 + rnd.nextInt(40);
            double[] xs = new double[k * n];
            for (int j = 0; j < xs.length; j++) xs[j] = Math.exp(0.05 * (rnd.nextDouble() - 0.5) * (1 + trial % 5));
            double[] b = new double[n];
            new LogOptimal(n).solve(xs, k, b);
            double sum = 0;
            for (double v : b) {
                org.junit.jupiter.api.Assertions.assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(1, sum, 1e-12);
            for (int i = 0; i < n; i++) {
                double g = 0;
                for (int r = 0; r < k; r++) {
                    double bx = 0;
                    for (int j = 0; j < n; j++) bx += b[j] * xs[r * n + j];
                    g += xs[r * n + i] / bx / k;
                }
                if (b[i] > 1e-9) assertEquals(1, g, 1e-9, "free weight " + i + " of trial " + trial);
                else org.junit.jupiter.api.Assertions.assertTrue(g <= 1 + 1e-9, "fixed weight " + i + " of trial " + trial + " has gradient " + g);
            }
        }
    }

    @Test
    void warmStartedCornEqualsColdCornOnARandomMarket() {
        // 8 assets, 700 bars: early decisions have fewer matches than assets (cold path), later
        // ones hundreds (warm path); every proposal must agree with the cold solver's
        MarketData market = Drive.random(8, 700, 11);
        double[][] warm = Drive.run(new Corn("corn", 5, 0.1, 300, true), market, 10, 699);
        double[][] cold = Drive.run(new Corn("corn", 5, 0.1, 300, false), market, 10, 699);
        int differing = 0;
        for (int t = 0; t < warm.length; t++) {
            assertArrayEquals(cold[t], warm[t], 1e-9, "decision " + t);
            for (int i = 0; i < warm[t].length; i++) if (warm[t][i] != cold[t][i]) { differing++; break; }
        }
        // the warm path was actually taken (it ends at a different rounding of the same optimum)
        org.junit.jupiter.api.Assertions.assertTrue(differing > 0, "warm start never changed a bit: was it used?");
    }

    @Test
    void solveFromAnyStartReachesTheColdOptimum() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(12), k = n + rnd.nextInt(60);
            double[] xs = new double[k * n];
            for (int j = 0; j < xs.length; j++) xs[j] = Math.exp(0.04 * (rnd.nextDouble() - 0.5) * (1 + trial % 5));
            double[] cold = new double[n];
            LogOptimal solver = new LogOptimal(n);
            solver.solve(xs, k, cold);
            // starts: a random sparse portfolio, a vertex, and the optimum itself
            double[] start = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) sum += start[i] = rnd.nextDouble() < 0.4 ? 0 : rnd.nextDouble();
            if (sum == 0) start[0] = sum = 1;
            for (int i = 0; i < n; i++) start[i] /= sum;
            double[] vertex = new double[n];
            vertex[rnd.nextInt(n)] = 1;
            for (double[] b : new double[][]{start, vertex, cold.clone()}) {
                solver.solveFrom(xs, k, b);
                assertArrayEquals(cold, b, 1e-9, "trial " + trial);
            }
        }
    }

    @Test
    void solveFromAnInvalidStartIsTheColdSolve() {
        double[] xs = {0.9, 1.1, 1.2, 1.0};
        LogOptimal solver = new LogOptimal(2);
        for (double[] start : new double[][]{{0, 0}, {Double.NaN, 1}, {-0.5, 1.5}, {0.2, 0.2}}) {
            solver.solveFrom(xs, 2, start);
            assertArrayEquals(new double[]{0.25, 0.75}, start, 1e-9);
        }
    }

    @Test
    void equalsTheTextbookComputationOnRandomMarkets() {
        int[][] cases = {{8, 5, 300}, {5, 1, 1000}, {12, 3, 150}, {3, 10, 400}};
        double[] rhos = {0.1, 0.5, -0.2, 0.0};
        for (int c = 0; c < cases.length; c++) {
            int n = cases[c][0], window = cases[c][1], scan = cases[c][2];
            MarketData market = Drive.random(n, 600, 100 + c);
            double[][] fast = Drive.run(new Corn("corn", window, rhos[c], scan), market, 3, 599);
            double[][] reference = Drive.run(new CornReference("corn", window, rhos[c], scan), market, 3, 599);
            for (int t = 0; t < fast.length; t++) assertArrayEquals(reference[t], fast[t], 1e-9, "case " + c + " decision " + t);
        }
    }

    @Test
    void spacedAndRepeatedDecisionsGiveTheFreshAnswer() {
        // the kept work depends only on bars: deciding every 0..4 bars (0: twice at one bar), or
        // with jumps longer than the scan, must give what a fresh computation gives at those bars
        MarketData market = Drive.random(6, 500, 21);
        decideAtRandomSpacing(market, 4, 200, 5);
        decideAtRandomSpacing(market, 3, 20, 60);
    }

    private static void decideAtRandomSpacing(MarketData market, int window, int scan, int maxGap) {
        int n = market.assets();
        Corn fast = new Corn("corn", window, 0.1, scan);
        CornReference reference = new CornReference("corn", window, 0.1, scan);
        dev.strat.runtime.pipeline.RunSetup setup = new dev.strat.runtime.pipeline.RunSetup(market.symbols(), market.frequency(), 1L, 5, market.bars() - 1);
        fast.reset(setup);
        reference.reset(setup);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        dev.strat.runtime.data.History.Cursor cursor = dev.strat.runtime.data.History.cursor(market, 5);
        dev.strat.runtime.data.History history = cursor.view();
        double[] current = new double[n + 1];
        current[n] = 1;
        double[] a = new double[n + 1], e = new double[n + 1];
        int decisions = 0;
        for (int t = 5; t < market.bars() - 1; t += rnd.nextInt(maxGap)) {
            cursor.advanceTo(t);
            dev.strat.runtime.pipeline.Decision d = new dev.strat.runtime.pipeline.Decision(history, t - 5, current, current, 1.0);
            fast.propose(d, a);
            reference.propose(d, e);
            assertArrayEquals(e, a, 1e-9, "bar " + t);
            decisions++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(decisions > 10);
    }

    @Test
    void equalsTheTextbookComputationOnRealPrices() {
        // ten US large caps, the last 500 days of the shared file, the quickstart's parameters
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("strat.repo.root", "."), "..", "shared", "data",
                "us_large_caps_daily.csv.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file), "shared data not present");
        MarketData market = dev.strat.runtime.data.CsvMarketReader.load(file, dev.strat.runtime.data.CsvOptions.defaults()
                .withSymbols("AAPL", "MSFT", "AMZN", "JPM", "JNJ", "XOM", "PG", "KO", "WMT", "INTC")).data();
        int last = market.bars() - 2, first = last - 500;
        double[][] fast = Drive.run(new Corn("corn", 5, 0.1, 1000), market, first, last);
        double[][] reference = Drive.run(new CornReference("corn", 5, 0.1, 1000), market, first, last);
        for (int t = 0; t < fast.length; t++) assertArrayEquals(reference[t], fast[t], 1e-9, "decision " + t);
    }
}
